/// Process exit statuses, after BSD `sysexits.h`. Part of the contract with cron and
/// monitoring: documented in the README; never renumber.
public enum ExitStatus: Int32, Sendable, CaseIterable {
  /// Everything requested was done (flags raised or not).
  case ok = 0
  /// The command line was wrong (EX_USAGE).
  case usage = 64
  /// Input data was not usable (EX_DATAERR): e.g. `read` on a broken file.
  case data = 65
  /// A file could not be read or written (EX_IOERR).
  case ioError = 74
  /// Another run holds the pipeline's lock (EX_TEMPFAIL): try again later.
  case lockBusy = 75
  /// The pipeline file or the configuration is wrong (EX_CONFIG).
  case configuration = 78
}
