#include <array>

#include "adapters/web/messages.h"

namespace motcua::adapters::web {
namespace {

// The printed documents (PDF): the links to them and what their routes answer when no PDF can
// be made. The PDFs' own texts are Vietnamese only (adapters/documents): they are official papers.
constexpr std::array kDocumentMessages = {
    Message{"doc_download_receipt", "Tải biên lai (PDF)", "Download the receipt (PDF)"},
    Message{"doc_print_slip", "In giấy tiếp nhận (PDF)", "Print the intake slip (PDF)"},
    Message{"doc_unavailable", "Chức năng in tài liệu (PDF) chưa được cấu hình trên máy chủ này.",
            "Printing documents (PDF) is not configured on this server."},
    Message{"doc_failed", "Không tạo được tài liệu PDF từ dữ liệu này.",
            "The PDF could not be made from this data."},
};

}  // namespace

std::span<const Message> document_messages() { return kDocumentMessages; }

}  // namespace motcua::adapters::web
