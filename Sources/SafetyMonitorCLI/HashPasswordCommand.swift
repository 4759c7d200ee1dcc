import ArgumentParser
import Dashboard
import Foundation
import Operations

struct HashPasswordCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hash-password",
    abstract: "Print a users-file line for the dashboard (`serve --users-file`).",
    discussion: """
      Reads the password from standard input (one line) and prints `NAME:pbkdf2-sha256$…`. \
      Append the line to the users file and keep that file private (chmod 600).
      """)

  @Argument(help: "The analyst's user name (letters, digits, . _ - @).")
  var name: String

  func validate() throws {
    guard UserDirectory.isValidName(name) else {
      throw ValidationError("user names are 1–64 letters, digits, '.', '_', '-' or '@'")
    }
  }

  func run() throws {
    guard let password = readLine(strippingNewline: true), password.count >= 8 else {
      printError("error: give a password of at least 8 characters on standard input")
      throw ExitCode(ExitStatus.usage)
    }
    print("\(name):\(try PasswordHash.make(password: password).encoded)")
  }
}
