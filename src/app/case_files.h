#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace motcua::app {

// A file attached to a case (file đính kèm): the row of table case_files (migration 12). The
// bytes live in the FileStore under `stored_name`; `original_name` is display text only.
struct CaseFile {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string document;       // the procedure's document it stands for, or "Giấy tờ khác"
  std::string original_name;  // core::clean_upload_name of what the client sent
  std::string stored_name;
  std::string media_type;  // sniffed from the content: application/pdf, image/jpeg, image/png
  std::int64_t size = 0;
  std::string sha256;  // lower-case hex
  std::chrono::sys_seconds uploaded_at{};
};

// Port: the case_files rows, inside a Store transaction.
class CaseFileRepository {
 public:
  virtual ~CaseFileRepository();
  // Stores the row (its id is ignored) and returns the new id.
  virtual core::Result<std::int64_t> insert(const CaseFile& file) = 0;
  // The case's files in the order they were stored.
  virtual core::Result<std::vector<CaseFile>> list_for_case(std::int64_t case_id) = 0;
  // One file of one case; nullopt when `file_id` is not a file of `case_id`.
  virtual core::Result<std::optional<CaseFile>> find(std::int64_t case_id,
                                                     std::int64_t file_id) = 0;
};

}  // namespace motcua::app
