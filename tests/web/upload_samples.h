#pragma once
// Small files whose types libmagic recognises by content, for the upload tests.
#include <cstddef>
#include <string>

namespace motcua::testing {

inline std::string pdf_bytes(std::size_t padding = 0) {
  return "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" + std::string(padding, ' ') +
         "\ntrailer\n<<>>\n%%EOF\n";
}

inline std::string png_bytes() {
  return std::string(
      "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
      "\x02\x00\x00\x00\x90wS\xde",
      33);
}

inline std::string jpeg_bytes() {
  return std::string("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
}

// The start of a Windows executable (MZ header with the PE offset), whatever its name says.
inline std::string exe_bytes() {
  std::string bytes(128, '\0');
  bytes[0] = 'M';
  bytes[1] = 'Z';
  bytes[0x3c] = 0x40;
  bytes.replace(0x40, 4, std::string("PE\0\0", 4));
  return bytes;
}

}  // namespace motcua::testing
