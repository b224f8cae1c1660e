#pragma once
// "Quản lý hồ sơ" tests: two portal accounts with online cases, the ward collecting under the
// guide's receipt series, and payments confirmed as the platform's callback would.
#include <string>

#include "web_fixture.h"

namespace motcua::adapters::web {

class MyCasesFixture : public WebFixture {
 protected:
  static constexpr const char* kOwnId = "062190008870";
  static constexpr const char* kOtherId = "062190008871";

  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    return r.agencies().save(ward);
  }

  void SetUp() override {
    WebFixture::SetUp();
    if (HasFatalFailure()) return;
    owner_ = add_citizen_account(kOwnId);
    other_ = add_citizen_account(kOtherId, "Trần Văn An");
  }

  // A case submitted online by `account` (the guide's two lines, the first paid).
  core::CaseRecord online_case(const std::string& code, const core::CitizenAccount& account,
                               core::CaseStatus status = core::CaseStatus::kNew,
                               const std::string& agency = "H34.22.6",
                               const std::function<void(core::CaseRecord&)>& adjust = {}) {
    return seed_case(code, agency, citizen(account.id_number), status, [&](core::CaseRecord& c) {
      c.citizen_account_id = account.id;
      c.channel = core::IntakeChannel::kOnline;
      if (adjust) adjust(c);
    });
  }

  // Sets the copy-certification procedure's fees_up_front.
  void set_fees_up_front(bool up_front) {
    seed([&](app::Repositories& r) -> core::Status {
      core::Procedure p = copy_certification();
      p.fees_up_front = up_front;
      return r.procedures().save(p);
    });
  }

  // The pay link of `code` ("/tt/<code>/<token>").
  std::string pay_link(const std::string& code) {
    return "/tt/" + code + "/" + links_.token_for(code);
  }

  core::CitizenAccount owner_;
  core::CitizenAccount other_;
};

}  // namespace motcua::adapters::web
