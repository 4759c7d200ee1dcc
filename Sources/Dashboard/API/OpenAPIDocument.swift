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
