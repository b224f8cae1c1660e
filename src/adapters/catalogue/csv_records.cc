// The only translation unit that includes libcsv.
#include "adapters/catalogue/csv_records.h"

#include <csv.h>

#include <utility>

namespace motcua::adapters::catalogue {
namespace {

// What libcsv's callbacks build up: the current record, and the line being parsed.
struct Collector {
  std::vector<CsvRecord> records;
  CsvRecord current;
  bool in_record = false;
  std::size_t line = 1;             // the line being fed to the parser
  std::size_t last_record_end = 0;  // the line the last complete record ended on
};

void on_field(void* data, std::size_t size, void* context) {
  auto* c = static_cast<Collector*>(context);
  if (!c->in_record) {
    c->current.line = c->line;
    c->in_record = true;
  }
  c->current.fields.emplace_back(static_cast<const char*>(data), size);
}

void on_record_end(int /*terminator*/, void* context) {
  auto* c = static_cast<Collector*>(context);
  if (!c->in_record) {
    // A record with no field callback: libcsv reports an empty line this way.
    return;
  }
  c->last_record_end = c->line;
  c->records.push_back(std::move(c->current));
  c->current = CsvRecord{};
  c->in_record = false;
}

// Owns a csv_parser, so that every return path frees it.
class Parser {
 public:
  Parser() { ok_ = csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) == 0; }
  ~Parser() { csv_free(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
  bool ok_ = false;
};

}  // namespace

core::Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  Parser parser;
  if (!parser.ok()) return core::invalid_input("CSV: cannot initialise the parser");
  Collector collector;
  // Fed one line at a time, so that the collector knows the line number of each field.
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::size_t length = end - begin;
    if (csv_parse(parser.get(), text.data() + begin, length, on_field, on_record_end, &collector) !=
        length) {
      return core::invalid_input("line " + std::to_string(collector.line) + ": malformed CSV (" +
                                 csv_strerror(csv_error(parser.get())) + ")");
    }
    begin = end;
    ++collector.line;
  }
  if (csv_fini(parser.get(), on_field, on_record_end, &collector) != 0) {
    std::size_t start =
        collector.in_record ? collector.current.line : collector.last_record_end + 1;
    return core::invalid_input("line " + std::to_string(start) +
                               ": malformed CSV (a quoted field is not closed)");
  }
  return std::move(collector.records);
}

}  // namespace motcua::adapters::catalogue
