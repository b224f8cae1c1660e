#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlStaffRepository : public app::StaffRepository {
 public:
  SqlStaffRepository(soci::session& session, Engine engine);
  core::Result<std::int64_t> create(const core::StaffMember& staff) override;
  core::Result<std::optional<core::StaffMember>> find_by_username(
      std::string_view username) override;
  core::Result<std::optional<core::StaffMember>> find_by_id(std::int64_t id) override;
  core::Result<std::vector<core::StaffMember>> list_by_agency(
      std::string_view agency_code) override;
  core::Status update(const core::StaffMember& staff) override;

 private:
  core::Result<std::vector<core::StaffMember>> select(const std::string& where,
                                                      const std::string& text_key,
                                                      long long int_key);
  soci::session& session_;
};

class SqlCitizenRepository : public app::CitizenRepository {
 public:
  SqlCitizenRepository(soci::session& session, Engine engine);
  core::Result<std::int64_t> create(const core::CitizenAccount& citizen) override;
  core::Result<std::optional<core::CitizenAccount>> find_by_id_number(
      std::string_view id_number) override;
  core::Result<std::optional<core::CitizenAccount>> find_by_id(std::int64_t id) override;
  core::Status update_contact(std::int64_t id, std::string_view phone,
                              std::string_view email) override;
  core::Status update_password(std::int64_t id, std::string_view password_hash) override;
  core::Result<std::int64_t> add_reset_code(const app::PasswordResetCode& code) override;
  core::Result<std::optional<app::PasswordResetCode>> current_reset_code(
      std::int64_t citizen_id) override;
  core::Result<std::int64_t> reset_codes_since(std::int64_t citizen_id,
                                               std::chrono::sys_seconds since) override;
  core::Status count_reset_attempt(std::int64_t code_id) override;
  core::Status use_reset_code(std::int64_t code_id) override;

 private:
  core::Result<std::optional<core::CitizenAccount>> select_one(const std::string& where,
                                                               const std::string& text_key,
                                                               long long int_key);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
