// CaseRepository::search: one WHERE built from the query, run twice (count, then the page of
// ids), then each case of the page read through the prepared find.
#include <soci/soci.h>

#include <deque>
#include <limits>
#include <variant>
#include <vector>

#include "adapters/storage/sql_case_repository.h"
#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::storage {
namespace {

constexpr std::int64_t kMaxPageSize = 200;

// The WHERE clause and its values, in placeholder order. Values live in deques so that the
// references SOCI binds stay valid while more are added.
class Filter {
 public:
  using Value = std::variant<std::string, long long>;

  // Adds "AND (condition)", each '?' in `condition` standing for the next value.
  void add(const std::string& condition, const std::vector<Value>& values) {
    auto value = values.begin();
    std::string sql;
    for (char c : condition) {
      if (c != '?') {
        sql += c;
        continue;
      }
      sql += ":p" + std::to_string(order_.size());
      if (const auto* text = std::get_if<std::string>(&*value)) {
        texts_.push_back(*text);
        order_.push_back({true, texts_.size() - 1});
      } else {
        numbers_.push_back(std::get<long long>(*value));
        order_.push_back({false, numbers_.size() - 1});
      }
      ++value;
    }
    clauses_ += " AND (" + sql + ")";
  }

  std::string where() const { return " WHERE 1 = 1" + clauses_; }

  void bind(soci::statement& st) {
    for (const auto& [is_text, index] : order_) {
      if (is_text) {
        st.exchange(soci::use(texts_[index]));
      } else {
        st.exchange(soci::use(numbers_[index]));
      }
    }
  }

 private:
  std::string clauses_;
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<std::pair<bool, size_t>> order_;
};

core::Result<Filter> build_filter(const app::CaseQuery& q) {
  Filter f;
  if (!q.code.empty()) f.add("c.code = ?", {q.code});
  if (!q.code_prefix.empty()) {
    f.add("c.code >= ? AND c.code < ?", {q.code_prefix, prefix_upper_bound(q.code_prefix)});
  }
  if (!q.id_number.empty()) {
    f.add("c.submitter_id_number = ? OR c.owner_id_number = ?", {q.id_number, q.id_number});
  }
  if (!q.name.empty()) {
    core::Result<std::string> key = core::search_key(q.name);
    if (!key.ok()) return key.error();
    if (!key->empty()) {
      f.add("c.id IN (SELECT case_id FROM case_name_terms WHERE term >= ? AND term < ?)",
            {key.value(), prefix_upper_bound(key.value())});
    }
  }
  if (q.status) f.add("c.status = ?", {static_cast<long long>(*q.status)});
  if (!q.statuses.empty()) {
    std::string marks;
    std::vector<Filter::Value> numbers;
    for (core::CaseStatus status : q.statuses) {
      marks += marks.empty() ? "?" : ", ?";
      numbers.emplace_back(static_cast<long long>(status));
    }
    f.add("c.status IN (" + marks + ")", numbers);
  }
  if (!q.agency_code.empty()) {
    f.add("c.receiving_agency_code = ? OR c.processing_agency_code = ?",
          {q.agency_code, q.agency_code});
  }
  if (!q.procedure_code.empty()) f.add("c.procedure_code = ?", {q.procedure_code});
  if (!q.field.empty()) {
    f.add("c.procedure_code IN (SELECT code FROM procedures WHERE field = ?)", {q.field});
  }
  if (q.received_from) f.add("c.received_at >= ?", {to_column(*q.received_from)});
  if (q.received_until) f.add("c.received_at < ?", {to_column(*q.received_until)});
  if (q.citizen_account_id) {
    f.add("c.citizen_account_id = ?", {static_cast<long long>(*q.citizen_account_id)});
  }
  if (!q.agency_root.empty()) {
    // The root itself or a code below it: an equality and a prefix range on "root.", so each
    // half uses the agency indexes.
    std::string below = q.agency_root + ".";
    f.add(
        "c.receiving_agency_code = ? OR (c.receiving_agency_code >= ? AND"
        " c.receiving_agency_code < ?) OR c.processing_agency_code = ? OR"
        " (c.processing_agency_code >= ? AND c.processing_agency_code < ?)",
        {q.agency_root, below, prefix_upper_bound(below), q.agency_root, below,
         prefix_upper_bound(below)});
  }
  if (q.assigned_staff_id) {
    f.add("c.assigned_staff_id = ?", {static_cast<long long>(*q.assigned_staff_id)});
  }
  return f;
}

}  // namespace

core::Result<app::CasePage> SqlCaseRepository::search(const app::CaseQuery& query) {
  if (query.page < 1) return core::invalid_input("page numbers start at 1");
  if (query.page_size < 1 || query.page_size > kMaxPageSize) {
    return core::invalid_input("page size must be 1 to " + std::to_string(kMaxPageSize));
  }
  core::Result<Filter> filter = build_filter(query);
  if (!filter.ok()) return filter.error();
  Filter& f = filter.value();

  core::Result<std::vector<long long>> ids =
      guarded("searching cases", [&]() -> core::Result<std::vector<long long>> {
        long long total = 0;
        soci::statement count(session_);
        count.alloc();
        count.exchange(soci::into(total));
        f.bind(count);
        count.prepare("SELECT COUNT(*) FROM cases c" + f.where());
        count.define_and_bind();
        count.execute(true);

        std::vector<long long> found{total};  // first element: the total
        // A page past any possible offset is past the end: no rows, and no overflow.
        if (query.page - 1 > std::numeric_limits<long long>::max() / query.page_size) {
          return found;
        }
        long long id = 0;
        long long limit = query.page_size;
        long long offset = (query.page - 1) * query.page_size;
        soci::statement page(session_);
        page.alloc();
        page.exchange(soci::into(id));
        f.bind(page);
        page.exchange(soci::use(limit));
        page.exchange(soci::use(offset));
        page.prepare("SELECT c.id FROM cases c" + f.where() +
                     " ORDER BY c.submitted_at DESC, c.id DESC LIMIT :limit OFFSET :offset");
        page.define_and_bind();
        page.execute();
        while (page.fetch()) found.push_back(id);
        return found;
      });
  if (!ids.ok()) return ids.error();

  app::CasePage result;
  result.total = ids->front();
  for (size_t i = 1; i < ids->size(); ++i) {
    core::Result<std::optional<core::CaseRecord>> record = find_by_id((*ids)[i]);
    if (!record.ok()) return record.error();
    if (record->has_value()) {
      core::CaseRecord c = std::move(**record);
      if (!query.with_fee_lines) c.fee_lines.clear();
      result.items.push_back(std::move(c));
    }
  }
  return result;
}

core::Result<std::map<core::CaseStatus, std::int64_t>> SqlCaseRepository::count_by_status(
    const app::CaseQuery& query) {
  core::Result<Filter> filter = build_filter(query);
  if (!filter.ok()) return filter.error();
  Filter& f = filter.value();
  core::Result<std::vector<std::pair<long long, long long>>> rows = guarded(
      "counting cases by status",
      [&]() -> core::Result<std::vector<std::pair<long long, long long>>> {
        long long status = 0;
        long long count = 0;
        soci::statement st(session_);
        st.alloc();
        st.exchange(soci::into(status));
        st.exchange(soci::into(count));
        f.bind(st);
        st.prepare("SELECT c.status, COUNT(*) FROM cases c" + f.where() + " GROUP BY c.status");
        st.define_and_bind();
        st.execute();
        std::vector<std::pair<long long, long long>> out;
        while (st.fetch()) out.emplace_back(status, count);
        return out;
      });
  if (!rows.ok()) return rows.error();
  std::map<core::CaseStatus, std::int64_t> counts;
  for (const auto& [number, count] : *rows) {
    core::Result<core::CaseStatus> status = core::case_status_from_number(static_cast<int>(number));
    if (!status.ok()) {
      return core::Error{core::ErrorKind::kStorage,
                         "a stored case has the unknown status " + std::to_string(number)};
    }
    counts[*status] = count;
  }
  return counts;
}

}  // namespace motcua::adapters::storage
