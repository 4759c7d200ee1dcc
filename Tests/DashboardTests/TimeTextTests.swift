import Testing

@testable import Dashboard

@Suite struct TimeTextTests {
  @Test func showsInstantsInAmsterdamTime() {
    // Winter (CET, +1) and summer (CEST, +2); the switch at 01:00 UTC.
    #expect(TimeText.local("2024-12-31T06:00:00Z", .nl) == "31-12-2024 07:00")
    #expect(TimeText.local("2024-07-01T06:00:00Z", .en) == "2024-07-01 08:00")
    #expect(TimeText.local("2024-03-31T00:59:00Z", .nl) == "31-03-2024 01:59")
    #expect(TimeText.local("2024-03-31T01:00:00Z", .nl) == "31-03-2024 03:00")
    #expect(TimeText.local("2024-10-27T00:59:00Z", .nl) == "27-10-2024 02:59")
    #expect(TimeText.local("2024-10-27T01:00:00Z", .nl) == "27-10-2024 02:00")
    #expect(TimeText.local("2024-12-31T23:30:00Z", .nl) == "01-01-2025 00:30")
    #expect(TimeText.local("2024-12-31T06:00:00+01:00", .nl) == "31-12-2024 06:00")
    #expect(TimeText.local("yesterday", .nl) == "yesterday")
    #expect(TimeText.localDay("2024-12-31T23:30:00Z", .en) == "2025-01-01")
    #expect(TimeText.day("2024-09-30", .nl) == "30-09-2024")
  }
}
