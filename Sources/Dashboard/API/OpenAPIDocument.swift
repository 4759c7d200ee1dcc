/// The API's description in OpenAPI 3.1 (served at `/api/openapi.json`; a test keeps
/// `docs/dashboard-openapi.json` equal to it).
enum OpenAPIDocument {
  static let json = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "SafetyMonitor dashboard API",
        "version": "1",
        "description": "Read-only JSON for BI tools, mirroring the dashboard's pages. Counts below the pipeline's minimum cell are the text \\"<5\\", never exact. Sign-in: none on loopback without access control; `Authorization: Bearer TOKEN` with a token file; HTTP Basic with a users file."
      },
      "servers": [{"url": "/"}],
      "security": [{}, {"bearer": []}, {"basic": []}],
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer"},
          "basic": {"type": "http", "scheme": "basic"}
        },
        "schemas": {
          "Count": {
            "description": "A count after disclosure control: the number, or \\"<5\\" below the minimum cell.",
            "oneOf": [{"type": "integer"}, {"type": "string", "pattern": "^<[0-9]+$"}]
          },
          "Error": {
            "type": "object",
            "properties": {"error": {"type": "object", "properties": {
              "code": {"type": "string", "enum": ["not-found", "bad-request", "unauthorised", "forbidden", "server-error"]},
              "message": {"type": "string"}}}}
          },
          "Export": {
            "type": "object",
            "properties": {
              "id": {"type": "integer"}, "source": {"type": "string"}, "partner": {"type": "string"},
              "file": {"type": "string"}, "contentHash": {"type": "string", "description": "SHA-256 of the file"},
              "receivedAt": {"type": "string", "format": "date-time"},
              "status": {"type": "string", "enum": ["applied", "quarantined"]},
              "rowsTotal": {"type": "integer"}, "rowsOk": {"type": "integer"},
              "rowsRejected": {"type": "integer"}, "rowsUnknownArea": {"type": "integer"},
              "rowsUnmapped": {"type": "integer"}, "recordsNew": {"type": "integer"},
              "recordsReplaced": {"type": "integer"}, "recordsUnchanged": {"type": "integer"},
              "firstPeriod": {"type": "string", "description": "2024-W36, 2024-09, 2024Q3 or 2024"},
              "lastPeriod": {"type": "string"}, "reason": {"type": "string"},
              "duplicates": {"type": "integer", "description": "times the same content was delivered again"}
            }
          },
          "SourceSummary": {
            "type": "object",
            "properties": {
              "source": {"type": "string"}, "partner": {"type": "string"},
              "filesApplied": {"type": "integer"}, "filesQuarantined": {"type": "integer"},
              "duplicates": {"type": "integer"}, "rowsTotal": {"type": "integer"},
              "rowsOk": {"type": "integer"}, "rowsRejected": {"type": "integer"},
              "rowsUnknownArea": {"type": "integer"}, "rowsUnmapped": {"type": "integer"},
              "firstPeriod": {"type": "string"}, "lastPeriod": {"type": "string"},
              "lastReceivedAt": {"type": "string", "format": "date-time"}
            }
          },
          "Run": {
            "type": "object",
            "properties": {
              "id": {"type": "integer"}, "startedAt": {"type": "string"}, "finishedAt": {"type": "string"},
              "runDate": {"type": "string", "format": "date"},
              "status": {"type": "string", "enum": ["running", "ok", "failed", "interrupted"]},
              "summary": {"type": "string", "description": "the run's JSON summary"}
            }
          },
          "Flag": {
            "type": "object",
            "properties": {
              "id": {"type": "string", "description": "eight characters, Crockford base 32"},
              "href": {"type": "string", "description": "the flag page"},
              "area": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
              "wijk": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
              "theme": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
              "kind": {"$ref": "#/components/schemas/FlagKind"},
              "kinds": {"type": "array", "items": {"$ref": "#/components/schemas/FlagKind"}},
              "family": {"type": "string", "enum": ["acute", "level", "cluster"]},
              "status": {"type": "string", "enum": ["new", "ongoing", "escalated", "deescalated", "resolved"]},
              "severity": {"type": "integer", "minimum": 0, "maximum": 100},
              "band": {"type": "string", "enum": ["low", "medium", "high"]},
              "firstSeen": {"type": "string", "description": "ISO week, 2024-W36"},
              "lastSeen": {"type": "string"}, "resolved": {"type": "string"},
              "indicators": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
              "partners": {"type": "array", "items": {"type": "string"}},
              "members": {"type": "array", "items": {"type": "string"}, "description": "the areas of a cluster"},
              "review": {"$ref": "#/components/schemas/Review"}
            }
          },
          "FlagKind": {"type": "string", "enum": ["spike", "rising", "elevated", "convergent", "cluster"]},
          "Review": {
            "type": "object",
            "properties": {
              "action": {"type": "string", "enum": ["acknowledged", "dismissed"]},
              "note": {"type": "string"}, "author": {"type": "string"},
              "recordedAt": {"type": "string", "format": "date-time"}
            }
          },
          "Area": {
            "type": "object",
            "properties": {
              "code": {"type": "string", "description": "CBS code GMxxxx, WKxxxxxx or BUxxxxxxxx"},
              "name": {"type": "string"}, "level": {"type": "string", "enum": ["gemeente", "wijk", "buurt"]},
              "parent": {"type": "string"}
            }
          }
        }
      },
      "paths": {
        "/api/exports": {
          "get": {
            "summary": "The exports ledger (the data page)",
            "parameters": [
              {"name": "source", "in": "query", "schema": {"type": "string"}},
              {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["applied", "quarantined"]}},
              {"name": "all", "in": "query", "description": "1: every matching export, not the latest 100", "schema": {"type": "string", "enum": ["1"]}}
            ],
            "responses": {"200": {"description": "the ledger", "content": {"application/json": {"schema": {
              "type": "object",
              "properties": {
                "sources": {"type": "array", "items": {"$ref": "#/components/schemas/SourceSummary"}},
                "exports": {"type": "array", "items": {"$ref": "#/components/schemas/Export"}},
                "matching": {"type": "integer"},
                "quarantined": {"type": "array", "items": {"$ref": "#/components/schemas/Export"}},
                "unknownAreas": {"type": "array", "items": {"type": "object", "properties": {
                  "source": {"type": "string"}, "label": {"type": "string"}, "rows": {"$ref": "#/components/schemas/Count"}}}},
                "unmappedCategories": {"type": "array", "items": {"type": "object", "properties": {
                  "source": {"type": "string"}, "category": {"type": "string"}, "count": {"$ref": "#/components/schemas/Count"}}}},
                "runs": {"type": "array", "items": {"$ref": "#/components/schemas/Run"}}
              }}}}},
              "401": {"description": "sign-in required", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
          }
        },
        "/api/flags": {
          "get": {
            "summary": "Flags (the overview)",
            "parameters": [
              {"name": "theme", "in": "query", "schema": {"type": "string"}},
              {"name": "kind", "in": "query", "schema": {"$ref": "#/components/schemas/FlagKind"}},
              {"name": "status", "in": "query", "description": "a status, or all; default: the open flags", "schema": {"type": "string", "enum": ["new", "ongoing", "escalated", "deescalated", "resolved", "all"]}},
              {"name": "wijk", "in": "query", "schema": {"type": "string"}},
              {"name": "area", "in": "query", "schema": {"type": "string"}},
              {"name": "review", "in": "query", "schema": {"type": "string", "enum": ["unreviewed", "acknowledged", "dismissed"]}},
              {"name": "lang", "in": "query", "description": "names in nl (default) or en", "schema": {"type": "string", "enum": ["nl", "en"]}}
            ],
            "responses": {"200": {"description": "flags", "content": {"application/json": {"schema": {
              "type": "object",
              "properties": {
                "detectionRan": {"type": "boolean"},
                "lastRunDate": {"type": "string", "format": "date"},
                "weeks": {"type": "array", "items": {"type": "string"}, "description": "first and last week of the latest flag run"},
                "counts": {"type": "object", "properties": {"open": {"type": "integer"}, "new": {"type": "integer"}, "escalated": {"type": "integer"}, "unreviewed": {"type": "integer"}}},
                "flags": {"type": "array", "items": {"$ref": "#/components/schemas/Flag"}}
              }}}}}}
          }
        },
        "/api/flags/{id}": {
          "get": {
            "summary": "One flag with its evidence, history and reviews (the flag page)",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "the flag", "content": {"application/json": {"schema": {
                "type": "object",
                "properties": {
                  "flag": {"$ref": "#/components/schemas/Flag"},
                  "evidence": {"type": "array", "items": {"type": "object", "properties": {
                    "indicator": {"type": "string"}, "area": {"type": "string"},
                    "kinds": {"type": "array", "items": {"$ref": "#/components/schemas/FlagKind"}},
                    "partners": {"type": "array", "items": {"type": "string"}},
                    "firstSignal": {"type": "string"}, "lastSignal": {"type": "string"}, "peak": {"type": "string"},
                    "periods": {"type": "integer"}, "observed": {"$ref": "#/components/schemas/Count"},
                    "expected": {"type": "number"}, "upperBound": {"type": "number"}, "pValue": {"type": "number"},
                    "slopePerYear": {"type": "number"}, "index": {"type": "number"}}}},
                  "convergence": {"type": "object", "properties": {
                    "week": {"type": "string"}, "combinedPValue": {"type": "number"},
                    "indicators": {"type": "array", "items": {"type": "string"}},
                    "partners": {"type": "array", "items": {"type": "string"}},
                    "observed": {"$ref": "#/components/schemas/Count"}, "expected": {"type": "number"}}},
                  "history": {"type": "array", "items": {"type": "object", "properties": {
                    "type": {"type": "string", "enum": ["opened", "escalated", "deescalated", "resolved"]},
                    "week": {"type": "string"}, "severity": {"type": "integer"}, "band": {"type": "string"},
                    "kind": {"$ref": "#/components/schemas/FlagKind"}, "revised": {"type": "boolean"},
                    "recordedAt": {"type": "string"}}}},
                  "reviews": {"type": "array", "items": {"$ref": "#/components/schemas/Review"}}
                }}}}},
              "404": {"description": "no such flag", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        },
        "/api/areas/{code}": {
          "get": {
            "summary": "One wijk or buurt (the neighbourhood page)",
            "parameters": [
              {"name": "code", "in": "path", "required": true, "schema": {"type": "string"}},
              {"name": "period", "in": "query", "description": "2024Q3, 2024-09 or 2024; default the latest quarter that ended by the last run", "schema": {"type": "string"}},
              {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["nl", "en"]}}
            ],
            "responses": {
              "200": {"description": "the area", "content": {"application/json": {"schema": {
                "type": "object",
                "description": "period, comparisons and area have the shapes of the report's JSON (docs/report.schema.json: period, comparisons, areas[]); series[].series is a report chart series.",
                "properties": {
                  "period": {"type": "object"}, "comparisons": {"type": "array"},
                  "area": {"type": "object"},
                  "flags": {"type": "array", "items": {"$ref": "#/components/schemas/Flag"}},
                  "series": {"type": "array", "items": {"type": "object", "properties": {
                    "indicator": {"type": "string"}, "area": {"type": "string"}, "series": {"type": "object"}}}}
                }}}}},
              "404": {"description": "no such area", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }
          }
        },
        "/api/areas": {
          "get": {
            "summary": "The area registry",
            "responses": {"200": {"description": "areas", "content": {"application/json": {"schema": {
              "type": "object", "properties": {"areas": {"type": "array", "items": {"$ref": "#/components/schemas/Area"}}}}}}}}
          }
        }
      }
    }
    """
}
