#include "adapters/storage/sql_case_file_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

SqlCaseFileRepository::SqlCaseFileRepository(soci::session& session, Engine) : session_(session) {}

core::Result<std::int64_t> SqlCaseFileRepository::insert(const app::CaseFile& f) {
  return guarded("storing a file of case " + std::to_string(f.case_id),
                 [&]() -> core::Result<std::int64_t> {
                   long long case_id = f.case_id;
                   long long size = f.size;
                   long long at = to_column(f.uploaded_at);
                   long long id = 0;
                   session_ << "INSERT INTO case_files (case_id, document, original_name,"
                               " stored_name, media_type, size, sha256, uploaded_at)"
                               " VALUES (:c, :d, :o, :s, :m, :z, :h, :a) RETURNING id",
                       soci::use(case_id), soci::use(f.document), soci::use(f.original_name),
                       soci::use(f.stored_name), soci::use(f.media_type), soci::use(size),
                       soci::use(f.sha256), soci::use(at), soci::into(id);
                   return std::int64_t{id};
                 });
}

core::Result<std::vector<app::CaseFile>> SqlCaseFileRepository::select(
    std::int64_t case_id, std::optional<std::int64_t> file_id) {
  return guarded("reading the files of case " + std::to_string(case_id),
                 [&]() -> core::Result<std::vector<app::CaseFile>> {
                   app::CaseFile f;
                   long long id = 0, size = 0, at = 0;
                   long long case_key = case_id;
                   long long file_key = file_id.value_or(0);
                   soci::statement st(session_);
                   st.exchange(soci::into(id));
                   st.exchange(soci::into(f.document));
                   st.exchange(soci::into(f.original_name));
                   st.exchange(soci::into(f.stored_name));
                   st.exchange(soci::into(f.media_type));
                   st.exchange(soci::into(size));
                   st.exchange(soci::into(f.sha256));
                   st.exchange(soci::into(at));
                   st.exchange(soci::use(case_key));
                   if (file_id) st.exchange(soci::use(file_key));
                   st.alloc();
                   st.prepare(std::string("SELECT id, document, original_name, stored_name,"
                                          " media_type, size, sha256, uploaded_at FROM case_files"
                                          " WHERE case_id = :c") +
                              (file_id ? " AND id = :f" : "") + " ORDER BY id");
                   st.define_and_bind();
                   st.execute();
                   std::vector<app::CaseFile> out;
                   while (st.fetch()) {
                     f.id = id;
                     f.case_id = case_id;
                     f.size = size;
                     f.uploaded_at = seconds_from_column(at);
                     out.push_back(f);
                   }
                   return out;
                 });
}

core::Result<std::vector<app::CaseFile>> SqlCaseFileRepository::list_for_case(
    std::int64_t case_id) {
  return select(case_id, std::nullopt);
}

core::Result<std::optional<app::CaseFile>> SqlCaseFileRepository::find(std::int64_t case_id,
                                                                       std::int64_t file_id) {
  core::Result<std::vector<app::CaseFile>> rows = select(case_id, file_id);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<app::CaseFile>();
  return std::optional<app::CaseFile>(std::move(rows->front()));
}

}  // namespace motcua::adapters::storage
