#pragma once
// The printed documents as PDF, drawn with cairo and laid out with pango in the Noto fonts
// (fontconfig finds them; cairo embeds the subsets used): the receipt on A5 (receipt_pdf.cc)
// and the intake slip on A4 after Mẫu 01 (intake_slip_pdf.cc). Texts are Vietnamese only: the
// papers are official documents. Safe to share between threads: renders take turns on one
// font map (a few milliseconds each).
#include <memory>
#include <string>

#include "app/printed_documents.h"

namespace motcua::adapters::documents {

class Fonts;

class CairoPrintedDocuments final : public app::PrintedDocuments {
 public:
  CairoPrintedDocuments();
  ~CairoPrintedDocuments() override;
  core::Result<std::string> receipt_pdf(const app::ReceiptDocument& document) const override;
  core::Result<std::string> intake_slip_pdf(const app::IntakeSlipDocument& document) const override;

 private:
  std::unique_ptr<Fonts> fonts_;
};

}  // namespace motcua::adapters::documents
