import ArgumentParser
import Dashboard
import Foundation
import Operations

struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Start the analysts' desk: a local web dashboard on the pipeline's store.",
    discussion: """
      Serves the overview, neighbourhood, flag and data pages and a JSON API under /api \
      (docs/DASHBOARD.md). Listens on 127.0.0.1 unless --host says otherwise; any other \
      address needs --token-file or --users-file. Reads the store; writes only analysts' \
      acknowledgements. Stop it with Ctrl-C. Exit codes: 0 stopped, 74 the store cannot \
      be read, 78 configuration (pipeline file, access files, address).
      """)

  @Argument(help: "The pipeline file (pipelines/*.yaml).")
  var pipeline: String

  @Option(help: "The address to listen on (default 127.0.0.1: this machine only).")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on (0: any free port).")
  var port = 8080

  @Option(
    name: .customLong("token-file"),
    help: "A file holding one access token (32+ characters, mode 600): sign in with it.")
  var tokenFile: String?

  @Option(
    name: .customLong("users-file"),
    help: "A file of `name:hash` lines (see `hash-password`): analysts sign in by name.")
  var usersFile: String?

  @Flag(
    name: .customLong("secure-cookies"),
    help: "Mark cookies Secure (when an HTTPS proxy sits in front).")
  var secureCookies = false

  func validate() throws {
    if tokenFile != nil, usersFile != nil {
      throw ValidationError("give --token-file or --users-file, not both")
    }
  }

  func run() async throws {
    let loaded = try loadPipeline(pipeline)
    var access = AccessPolicy.open
    do {
      if let tokenFile { access = .token(try AccessToken.load(path: tokenFile)) }
      if let usersFile { access = .users(try UserDirectory.load(path: usersFile)) }
    } catch {
      printError(error.description)
      throw ExitCode(ExitStatus.configuration)
    }
    let configuration = DashboardConfiguration(
      host: host, port: port, access: access, secureCookies: secureCookies)
    do {
      try configuration.check()
    } catch {
      printError("error: \(error)")
      throw ExitCode(ExitStatus.configuration)
    }
    let reader: DashboardReader
    do {
      reader = try DashboardReader(pipeline: loaded)
    } catch {
      printError("error: cannot open the store: \(error)")
      throw ExitCode(ExitStatus.ioError)
    }
    let dashboard = try Dashboard(reader: reader, configuration: configuration)
    let app = dashboard.application { address in
      // Unbuffered: scripts wait for this line to learn the address.
      FileHandle.standardOutput.write(Data("SafetyMonitor: \(address)  (Ctrl-C stops)\n".utf8))
    }
    try await app.runService()
  }
}
