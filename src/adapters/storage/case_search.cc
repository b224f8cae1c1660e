// CaseRepository::search: one WHERE built from the query, run twice (count, then the page of
// ids), then each case of the page read through the prepared find.
//
// Query shape (same rows either way; see docs/performance.md for the plans on 1,000,000 cases):
// a name normally drives the search from the name-term index ("c.id IN (terms in range)"),
// which costs one row read per term in the range. A broad name ("nguyen": ~470,000 terms)
// under a capped count instead lets the newest cases drive: "EXISTS (a term of this case in
// range)", with the agency scope written so that it cannot choose an index, so the page walks
// cases_by_submitted backwards and stops once it is full, and the capped count stops at the
// cap. Without a cap (an exact count) the term-driven shape stays: it reads fewer rows.
#include <soci/soci.h>

#include <limits>
#include <vector>

#include "adapters/storage/sql_case_repository.h"
#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_filter.h"
#include "adapters/storage/sql_support.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::storage {
namespace {

constexpr std::int64_t kMaxPageSize = 200;
// More name terms in range than this make a name broad (see the top of the file).
constexpr long long kBroadNameTerms = 20000;
long long broad_name_terms = kBroadNameTerms;

// `broad_name`: the newest-first shape described at the top of the file.
core::Result<SqlFilter> build_filter(const app::CaseQuery& q, bool broad_name = false) {
  SqlFilter f;
  // `|| ''` keeps the value and hides the column from the planner's index choice.
  const std::string agency_receiving =
      broad_name ? "(c.receiving_agency_code || '')" : "c.receiving_agency_code";
  const std::string agency_processing =
      broad_name ? "(c.processing_agency_code || '')" : "c.processing_agency_code";
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
    if (!key->empty() && broad_name) {
      f.add(
          "EXISTS (SELECT 1 FROM case_name_terms t WHERE t.case_id = c.id AND t.term >= ? AND"
          " t.term < ?)",
          {key.value(), prefix_upper_bound(key.value())});
    } else if (!key->empty()) {
      f.add("c.id IN (SELECT case_id FROM case_name_terms WHERE term >= ? AND term < ?)",
            {key.value(), prefix_upper_bound(key.value())});
    }
  }
  if (q.status) f.add("c.status = ?", {static_cast<long long>(*q.status)});
  if (!q.statuses.empty()) {
    std::string marks;
    std::vector<SqlFilter::Value> numbers;
    for (core::CaseStatus status : q.statuses) {
      marks += marks.empty() ? "?" : ", ?";
      numbers.emplace_back(static_cast<long long>(status));
    }
    f.add("c.status IN (" + marks + ")", numbers);
  }
  if (!q.agency_code.empty()) {
    f.add(agency_receiving + " = ? OR " + agency_processing + " = ?",
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
    // half can use the agency indexes (unless the name is broad).
    std::string below = q.agency_root + ".";
    const std::string& r = agency_receiving;
    const std::string& p = agency_processing;
    f.add(r + " = ? OR (" + r + " >= ? AND " + r + " < ?) OR " + p + " = ? OR (" + p +
              " >= ? AND " + p + " < ?)",
          {q.agency_root, below, prefix_upper_bound(below), q.agency_root, below,
           prefix_upper_bound(below)});
  }
  if (q.assigned_staff_id) {
    f.add("c.assigned_staff_id = ?", {static_cast<long long>(*q.assigned_staff_id)});
  }
  return f;
}

}  // namespace

void set_broad_name_terms(long long terms) {
  broad_name_terms = terms > 0 ? terms : kBroadNameTerms;
}

// Whether the search takes the broad-name shape (top of the file): a capped count and more
// than broad_name_terms name terms in range. Counting them stops there, within the term index.
core::Result<bool> SqlCaseRepository::broad_name(const app::CaseQuery& query) {
  if (query.count_limit <= 0 || query.name.empty()) return false;
  core::Result<std::string> key = core::search_key(query.name);
  if (!key.ok()) return key.error();
  if (key->empty()) return false;
  return guarded("counting name terms", [&]() -> core::Result<bool> {
    long long terms = 0;
    long long cap = broad_name_terms + 1;
    std::string lower = *key;
    std::string upper = prefix_upper_bound(lower);
    session_ << "SELECT COUNT(*) FROM (SELECT 1 FROM case_name_terms WHERE term >= :lo AND"
                " term < :hi LIMIT :cap) terms",
        soci::into(terms), soci::use(lower), soci::use(upper), soci::use(cap);
    return terms > broad_name_terms;
  });
}

core::Result<app::CasePage> SqlCaseRepository::search(const app::CaseQuery& query) {
  if (query.page < 1) return core::invalid_input("page numbers start at 1");
  if (query.page_size < 1 || query.page_size > kMaxPageSize) {
    return core::invalid_input("page size must be 1 to " + std::to_string(kMaxPageSize));
  }
  core::Result<bool> broad = broad_name(query);
  if (!broad.ok()) return broad.error();
  core::Result<SqlFilter> filter = build_filter(query, *broad);
  if (!filter.ok()) return filter.error();
  SqlFilter& f = filter.value();
  // Counting stops at count_limit + 1 rows: one more than the limit says there are more.
  const long long count_cap =
      query.count_limit > 0 && query.count_limit < std::numeric_limits<long long>::max()
          ? query.count_limit + 1
          : 0;

  core::Result<std::vector<long long>> ids =
      guarded("searching cases", [&]() -> core::Result<std::vector<long long>> {
        long long total = 0;
        soci::statement count(session_);
        count.alloc();
        count.exchange(soci::into(total));
        f.bind(count);
        long long cap = count_cap;  // bound by reference: lives until the execute
        if (count_cap > 0) {
          count.exchange(soci::use(cap));
          count.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM cases c" + f.where() +
                        " LIMIT :cap) capped");
        } else {
          count.prepare("SELECT COUNT(*) FROM cases c" + f.where());
        }
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
  if (count_cap > 0 && result.total >= count_cap) {
    result.total = query.count_limit;
    result.total_capped = true;
  }
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
  core::Result<SqlFilter> filter = build_filter(query);
  if (!filter.ok()) return filter.error();
  SqlFilter& f = filter.value();
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
