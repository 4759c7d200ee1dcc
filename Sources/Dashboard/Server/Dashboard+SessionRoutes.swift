import Hummingbird
import Reporting

extension Dashboard {
  /// `/login` (GET form, POST sign-in), `/logout` (POST), `/healthz`.
  func addSessionRoutes(_ router: Router<DashboardContext>) {
    router.get("/healthz") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
        body: .init(byteBuffer: .init(string: "ok\n")))
    }

    router.get("/login") { request, context in
      let next = Links.safeLocalPath(request.uri.queryParameters["next"].map(String.init))
      guard configuration.access.requiresSignIn, context.user == nil else {
        return Response(status: .seeOther, headers: [.location: next])
      }
      return loginPage(request, context, next: next, failed: false)
    }

    router.post("/login") { request, context in
      let form = context.form ?? FormData("")
      let next = Links.safeLocalPath(form["next"])
      let user: String?
      switch configuration.access {
      case .open: return Response(status: .seeOther, headers: [.location: next])
      case .token(let token):
        user = token.matches(form["token"] ?? "") ? SessionMiddleware.tokenUser : nil
      case .users(let users):
        user = users.verify(name: form["user"] ?? "", password: form["password"] ?? "")
      }
      guard let user else {
        // Slow down guessing a little; the server keeps serving others meanwhile.
        try? await Task.sleep(for: .milliseconds(500))
        return loginPage(request, context, next: next, failed: true)
      }
      var response = Response(status: .seeOther, headers: [.location: next])
      response.setCookie(
        Cookie(
          name: SessionMiddleware.sessionCookie,
          value: keys.session(user: user, expires: now() + configuration.sessionLifetime),
          maxAge: configuration.sessionLifetime, path: "/", secure: configuration.secureCookies,
          httpOnly: true, sameSite: .lax))
      return response
    }

    router.post("/logout") { _, _ in
      var response = Response(
        status: .seeOther,
        headers: [.location: configuration.access.requiresSignIn ? "/login" : "/"])
      response.setCookie(
        Cookie(
          name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
          secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
      return response
    }
  }

  func loginPage(_ request: Request, _ context: DashboardContext, next: String, failed: Bool)
    -> Response
  {
    let content = LoginPage(
      access: configuration.access, next: next, failed: failed,
      csrfToken: context.csrfToken ?? "", language: context.language
    ).content()
    return page(
      request, context, title: context.language[.signIn], section: .none, content: content,
      status: failed ? .unauthorized : .ok)
  }
}
