/* The ceiling for the ingest benchmark: a plain C loop over libcsv that only counts fields
 * and records. Same libcsv options as CSVIngest (strict, no space trimming, the delimiter
 * given), same read size (1 MiB read() calls).
 * Build: cc -O2 -o csv_ceiling csv_ceiling.c -lcsv
 * Usage: csv_ceiling FILE [delimiter]                                                     */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

struct counts { size_t fields, records; };
static void on_field(void *s, size_t len, void *data) { (void)s; (void)len; ((struct counts *)data)->fields++; }
static void on_record(int c, void *data) { (void)c; ((struct counts *)data)->records++; }
static int no_space(unsigned char c) { (void)c; return 0; }

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: csv_ceiling FILE [delimiter]\n"); return 64; }
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) { perror(argv[1]); return 66; }
  struct csv_parser p;
  csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(&p, argc > 2 ? (unsigned char)argv[2][0] : ';');
  csv_set_space_func(&p, no_space);
  static char buf[1 << 20];
  struct counts c = {0, 0};
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  size_t total = 0;
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    if (csv_parse(&p, buf, (size_t)n, on_field, on_record, &c) != (size_t)n) {
      fprintf(stderr, "parse error: %s\n", csv_strerror(csv_error(&p)));
      return 65;
    }
    total += (size_t)n;
  }
  csv_fini(&p, on_field, on_record, &c);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"name\":\"c-ceiling\",\"seconds\":%.3f,\"bytes\":%zu,\"records\":%zu,\"fields\":%zu}\n", s, total, c.records, c.fields);
  csv_free(&p);
  close(fd);
  return 0;
}
