import Testing

@testable import Dashboard

@Suite struct DashboardConfigurationTests {
  @Test func refusesToListenBeyondThisMachineWithoutSignIn() throws {
    for host in ["0.0.0.0", "::", "192.168.1.20", "desk.gemeente.local"] {
      #expect(throws: DashboardConfigurationError.nonLoopbackWithoutAccessControl(host)) {
        try DashboardConfiguration(host: host).check()
      }
      let token = AccessToken(secret: String(repeating: "x", count: 40))
      try DashboardConfiguration(host: host, access: .token(token)).check()
    }
    for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"] {
      try DashboardConfiguration(host: host).check()
    }
    #expect(throws: DashboardConfigurationError.badPort(70000)) {
      try DashboardConfiguration(port: 70000).check()
    }
  }

  @Test func theRefusalSaysHowToConfigureSignIn() {
    let text = DashboardConfigurationError.nonLoopbackWithoutAccessControl("0.0.0.0").description
    #expect(text.contains("--token-file"))
    #expect(text.contains("--users-file"))
  }

  @Test func loopbackNames() {
    #expect(Loopback.isLoopback("127.0.0.1"))
    #expect(Loopback.isLoopback("LOCALHOST"))
    #expect(!Loopback.isLoopback("128.0.0.1"))
    #expect(!Loopback.isLoopback("127.0.0.256"))
    #expect(!Loopback.isLoopback("localhost.evil.example"))
    #expect(Loopback.hostName(ofHeader: "[::1]:8080") == "::1")
    #expect(Loopback.hostName(ofHeader: "localhost:80") == "localhost")
    #expect(Loopback.hostName(ofHeader: "localhost") == "localhost")
  }
}
