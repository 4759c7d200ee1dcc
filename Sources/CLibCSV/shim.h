// Shim for libcsv (Debian libcsv-dev). Nothing else lives in this target.
//
// Besides the header, the shim holds the three callbacks CSVIngest hands to libcsv. They run
// once per byte (is_space) and once per field, so they are plain C: written in Swift, the
// calls cost about 20 % more instructions per file than the same C callbacks (measured with
// callgrind; see BENCHMARKS.md "Ingest"). The sink's slow path (growing buffers, limits) is
// Swift: `safetymonitor_csv_field_slow` in Sources/CSVIngest/FieldSink.swift.
#ifndef SAFETYMONITOR_CLIBCSV_SHIM_H
#define SAFETYMONITOR_CLIBCSV_SHIM_H
#include <csv.h>
#include <string.h>

/// The record being read: its fields' bytes back to back, and each field's end offset.
typedef struct safetymonitor_sink {
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
  /// The fast path's bounds, kept by the Swift side: fields below `fast_fields`, bytes up
  /// to `fast_bytes` (capacity less one short field), field length up to `fast_length`.
  /// All zero once a limit is broken, so the fast path needs no other check.
  size_t fast_fields;
  size_t fast_bytes;
  size_t fast_length;
} safetymonitor_sink;

/// Fields up to 128 bytes are copied in 16-byte blocks (fixed-size copies the compiler
/// inlines), rounding up: libcsv's field buffer is at least its block size (CSVIngest sets
/// 4096), so reading up to 128 bytes from it is always in bounds.
enum { SAFETYMONITOR_SHORT_FIELD = 128 };

void safetymonitor_csv_field_slow(void *field, size_t length, void *sink);

static inline void safetymonitor_csv_field(void *field, size_t length, void *data) {
  safetymonitor_sink *s = (safetymonitor_sink *)data;
  if (length <= s->fast_length && s->field_count < s->fast_fields &&
      s->byte_count <= s->fast_bytes) {
    const unsigned char *from = (const unsigned char *)field;
    unsigned char *to = s->bytes + s->byte_count;
    for (size_t i = 0; i < length; i += 16) memcpy(to + i, from + i, 16);
    s->byte_count += length;
    s->ends[s->field_count++] = s->byte_count;
    return;
  }
  safetymonitor_csv_field_slow(field, length, data);
}

static inline void safetymonitor_csv_record(int terminator, void *data) {
  (void)terminator;
  ((safetymonitor_sink *)data)->ended = 1;
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
