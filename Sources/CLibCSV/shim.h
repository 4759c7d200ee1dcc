// Shim for libcsv (Debian libcsv-dev). Nothing else lives in this target.
//
// Besides the header, the shim holds the small C pieces CSVIngest hands to libcsv: they run
// once per byte (is_space) or once per field, so they are plain C (measured: see
// docs/INGEST.md "How it is built"). No field is ever copied: libcsv writes each field
// straight into the record buffer (`safetymonitor_sink.bytes`), because after every field
// the callback points libcsv's field buffer just past it, and libcsv's realloc hook grows
// the record buffer. The slow path (growing the end offsets, limits) is Swift:
// `safetymonitor_csv_field_slow` in Sources/CSVIngest/FieldSink.swift.
#ifndef SAFETYMONITOR_CLIBCSV_SHIM_H
#define SAFETYMONITOR_CLIBCSV_SHIM_H
#include <csv.h>
#include <stdlib.h>
#include <string.h>

/// The record being read: its fields' bytes back to back, and each field's end offset.
typedef struct safetymonitor_sink {
  /// malloc'd; libcsv's field buffer is always `bytes + byte_count`.
  unsigned char *bytes;
  size_t byte_capacity;
  size_t byte_count;
  size_t *ends;
  size_t field_capacity;
  size_t field_count;
  /// Set when libcsv ends a record.
  int ended;
  /// 0, or the limit the record broke (1 field too large, 2 too wide, 3 too large).
  int overflow;
  size_t overflow_field;
  size_t max_field_bytes;
  size_t max_fields;
  size_t max_record_bytes;
  struct csv_parser *parser;
} safetymonitor_sink;

void safetymonitor_csv_field_slow(void *field, size_t length, void *sink);

/// libcsv's field callback: the field is already in place; record its end and let libcsv
/// write the next field right after it.
static inline void safetymonitor_csv_field(void *field, size_t length, void *data) {
  safetymonitor_sink *s = (safetymonitor_sink *)data;
  if (s->field_count < s->field_capacity && length <= s->max_field_bytes && s->overflow == 0) {
    s->byte_count += length;
    s->ends[s->field_count++] = s->byte_count;
    s->parser->entry_buf = s->bytes + s->byte_count;
    s->parser->entry_size = s->byte_capacity - s->byte_count;
    return;
  }
  safetymonitor_csv_field_slow(field, length, data);
}

static inline void safetymonitor_csv_record(int terminator, void *data) {
  (void)terminator;
  ((safetymonitor_sink *)data)->ended = 1;
}

/// The sink libcsv's realloc hook grows (the hook has no context argument): the reading
/// thread's current sink, kept by CSVIngest (`safetymonitor_current_sink` in FieldSink.swift).
safetymonitor_sink *safetymonitor_current_sink(void);

/// libcsv's realloc hook: the field buffer is the tail of the record buffer, so growing it
/// grows the record buffer (capped by the record limit: beyond it, NULL and overflow 3).
static void *safetymonitor_csv_realloc(void *ptr, size_t size) {
  safetymonitor_sink *s = safetymonitor_current_sink();
  if (s == NULL || ptr != (void *)(s->bytes + s->byte_count)) return NULL;
  size_t needed = s->byte_count + size;
  if (needed <= s->byte_capacity) return ptr;
  if (needed > s->max_record_bytes) {
    s->overflow = 3;
    s->overflow_field = s->field_count;
    return NULL;
  }
  size_t capacity = s->byte_capacity * 2;
  if (capacity < needed) capacity = needed;
  if (capacity > s->max_record_bytes) capacity = s->max_record_bytes;
  unsigned char *grown = (unsigned char *)realloc(s->bytes, capacity);
  if (grown == NULL) return NULL;
  s->bytes = grown;
  s->byte_capacity = capacity;
  return grown + s->byte_count;
}

/// Nothing is a space: unquoted fields keep their spaces and tabs (RFC 4180), and a tab
/// delimiter works. libcsv calls this for every byte of an unquoted field; on x86-64 it is
/// two instructions (the importer would otherwise add a frame: 5).
#if defined(__x86_64__) && defined(__ELF__)
__attribute__((naked)) static int safetymonitor_csv_no_space(unsigned char c) {
  __asm__("xorl %eax, %eax\n\tretq");
}
#else
static inline int safetymonitor_csv_no_space(unsigned char c) {
  (void)c;
  return 0;
}
#endif

#endif
