import ArgumentParser

@main
struct SafetyMonitor: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "safety-monitor",
    abstract: "Monitoring and early warning for a municipality's safety programme.",
    version: "0.1.0",
    subcommands: [
      ValidateCommand.self, RunCommand.self, ReadCommand.self, SniffCommand.self,
      DetectCommand.self, FlagsCommand.self, EvaluateCommand.self, ReportCommand.self,
    ]
  )
}
