import ArgumentParser

@main
struct SafetyMonitor: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safety-monitor",
    abstract: "Monitoring and early warning for a municipality's safety programme.",
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, RunCommand.self, StoreCommand.self, ReadCommand.self, SniffCommand.self,
      DetectCommand.self, FlagsCommand.self, EvaluateCommand.self, ReportCommand.self,
      ServeCommand.self, HashPasswordCommand.self,
    ]
  )
}
