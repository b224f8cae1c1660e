#pragma once
// The console's web tests (console_test.cc, intake_pages_test.cc): the ward H34.22.6 alone
// with its officer "canbo", whose display name is an XSS payload the pages must escape.
#include "web_app_fixture.h"

namespace motcua::adapters::web {

class Console : public WebAppFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    core::Agency ward;
    ward.code = "H34.22.6";
    ward.name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
    if (auto s = r.agencies().save(ward); !s.ok()) return s;
    return add_staff(r, "canbo", "<script>alert(1)</script> Võ", "H34.22.6", core::kRoleOfficer);
  }

  using WebAppFixture::seed_case;
  // seed_case for a submitter (also the owner) without an email.
  core::CaseRecord seed_case(const std::string& code, const std::string& agency,
                             const std::string& name, const std::string& id_number,
                             core::CaseStatus status = core::CaseStatus::kAccepted) {
    return seed_case(code, agency, {name, id_number, "Kon Tum", "0886650748", ""}, status);
  }
};

}  // namespace motcua::adapters::web
