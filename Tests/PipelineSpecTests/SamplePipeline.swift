/// A small valid pipeline used across the tests.
let samplePipeline = """
  version: 1
  name: testdorp
  areas:
    registry: areas/areas.csv
    aliases: areas/aliases.csv
  state: ../state/testdorp
  themes:
    hic: {name: High impact crime}
    zorg:
      name: Zorg en veiligheid
      subthemes:
        verward: {name: Verward gedrag}
  sources:
    politie:
      partner: Politie
      files: politie_*.csv
      dialect: {delimiter: ";", encoding: utf-8}
      key: registratienummer
      date: {column: pleegdatum, format: dd-MM-yyyy}
      area: {column: buurtcode}
      category: {column: incidentcode}
      personal: [naam, bsn]
    welzijn:
      partner: Welzijn
      files: welzijn_*.csv
      period: {column: maand, kind: month, format: yyyyMM}
      area: {column: wijk}
      category: {value: casus}
      count: aantal
  indicators:
    woninginbraak:
      name: Woninginbraak
      theme: hic
      from: {politie: ["1.1.1"]}
      unit: per1000Dwellings
    verward:
      name: Verward gedrag
      theme: zorg
      subtheme: verward
      period: month
      from: {politie: [E33], welzijn: [casus]}
  """
