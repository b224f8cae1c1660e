# Every third-party library, found once. Targets link only what their layer may use.
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
pkg_check_modules(LIBPNG REQUIRED IMPORTED_TARGET libpng)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
set(Boost_NO_WARN_NEW_VERSIONS ON)
find_package(Boost 1.81 EXACT REQUIRED COMPONENTS json url)
find_package(Threads REQUIRED)

# libsodium (argon2id password hashing) and libcsv (the procedure catalogue CSV).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(CSV::csv UNKNOWN IMPORTED)
set_target_properties(CSV::csv PROPERTIES IMPORTED_LOCATION "${CSV_LIBRARY}"
                                          INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}")

# SOCI 4.0: Debian's libsoci-dev ships neither a CMake config nor a pkg-config file, so the
# targets SOCI::core, SOCI::postgresql and SOCI::sqlite3 are made here. The PostgreSQL backend's
# header includes <libpq-fe.h>, hence libpq's include directory on SOCI::postgresql.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
add_library(SOCI::core UNKNOWN IMPORTED)
set_target_properties(SOCI::core PROPERTIES IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
                                            INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
# UBSan's vptr check references the typeinfo of classes the SOCI headers define inline (e.g.
# soci::details::ref_counted_statement), which libsoci_core.so does not export: the link fails.
# Code that includes SOCI skips that one check.
if(MOTCUA_SANITIZE)
  target_compile_options(SOCI::core INTERFACE -fno-sanitize=vptr)
endif()
add_library(SOCI::postgresql UNKNOWN IMPORTED)
set_target_properties(SOCI::postgresql PROPERTIES IMPORTED_LOCATION "${SOCI_POSTGRESQL_LIBRARY}")
target_link_libraries(SOCI::postgresql INTERFACE SOCI::core PkgConfig::LIBPQ)
add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
set_target_properties(SOCI::sqlite3 PROPERTIES IMPORTED_LOCATION "${SOCI_SQLITE3_LIBRARY}")
target_link_libraries(SOCI::sqlite3 INTERFACE SOCI::core PkgConfig::SQLITE3)

# spdlog 1.10 (Debian's, built against the system fmt): the log adapter's JSON lines.
find_package(spdlog REQUIRED)

# cairo + pango (pangocairo): the printed documents as PDF (adapters/documents).
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-pdf)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)

# libmagic: uploaded files' types decided by their content (adapters/files).
pkg_check_modules(LIBMAGIC REQUIRED IMPORTED_TARGET libmagic)
