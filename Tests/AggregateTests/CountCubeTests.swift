import SafetyCore
import Testing

@testable import Aggregate

@Suite struct CountCubeTests {
  @Test func addsMergesAndSorts() {
    var a = CountCube()
    a.add(series: 1, area: 2, period: 3)
    a.add(series: 1, area: 2, period: 3, 4)
    a.add(series: 0, area: -1, period: 3)
    var b = CountCube()
    b.add(series: 1, area: 2, period: 3, -5)
    b.add(series: 2, area: 0, period: 1, 7)
    a.merge(b)
    #expect(a[1, 2, 3] == 0)
    #expect(a.total == 8)
    #expect(a.droppingZeros().cells.count == 2)
    #expect(a.sortedCells().map(\.count) == [1, 0, 7])
  }

  @Test func rollsBuurtenUpToWijkenAndGemeente() {
    // Areas: 0 gemeente, 1-2 wijken, 3-5 buurten (3,4 in wijk 1; 5 in wijk 2).
    let parent = [-1, 0, 0, 1, 1, 2]
    var cube = CountCube()
    cube.add(series: 0, area: 3, period: 10, 2)
    cube.add(series: 0, area: 4, period: 10, 3)
    cube.add(series: 0, area: 5, period: 10, 4)
    cube.add(series: 0, area: -1, period: 10, 1)
    let wijk = cube.rolledUp(areaParent: parent)
    #expect(wijk[0, 1, 10] == 5)
    #expect(wijk[0, 2, 10] == 4)
    #expect(wijk[0, -1, 10] == 1)
    let gemeente = wijk.rolledUp(areaParent: parent)
    #expect(gemeente[0, 0, 10] == 9)
    #expect(gemeente.total == cube.total)
  }

  @Test func rollsWeeksUpToMonthsQuartersAndYears() throws {
    // 2024-W05 runs Mon 29 Jan to Sun 4 Feb; its Thursday (1 Feb) puts it in February.
    let w5 = try #require(ISOWeek(year: 2024, week: 5))
    let w4 = try #require(ISOWeek(year: 2024, week: 4))
    // 2020-W53 (Thursday 31 Dec 2020) belongs to December 2020.
    let w53 = try #require(ISOWeek(year: 2020, week: 53))
    var cube = CountCube(periodKind: .week)
    cube.add(series: 0, area: 0, period: w5.index, 3)
    cube.add(series: 0, area: 0, period: w4.index, 2)
    cube.add(series: 0, area: 0, period: w53.index, 1)
    let months = try #require(cube.rolledUp(to: .month))
    #expect(months[0, 0, Period.month(year: 2024, month: 2).ordinal] == 3)
    #expect(months[0, 0, Period.month(year: 2024, month: 1).ordinal] == 2)
    #expect(months[0, 0, Period.month(year: 2020, month: 12).ordinal] == 1)
    let quarters = try #require(months.rolledUp(to: .quarter))
    #expect(quarters[0, 0, Period.quarter(year: 2024, quarter: 1).ordinal] == 5)
    let years = try #require(quarters.rolledUp(to: .year))
    #expect(years[0, 0, 2024] == 5)
    #expect(years[0, 0, 2020] == 1)
    // Straight from weeks to years gives the same.
    #expect(cube.rolledUp(to: .year) == years)
    #expect(months.rolledUp(to: .week) == nil)
  }
}
