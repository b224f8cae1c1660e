// Test helper process: allocates numbers from one scope with several threads, recording each
// number in the same transaction (settings key "<scope>#<number>": a duplicate would violate
// the key). Usage: motcua_numbering_worker URL SCOPE THREADS PER_THREAD
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/storage/open_store.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: motcua_numbering_worker URL SCOPE THREADS PER_THREAD\n";
    return 2;
  }
  std::string url = argv[1];
  std::string scope = argv[2];
  int threads = std::atoi(argv[3]);
  int per_thread = std::atoi(argv[4]);
  motcua::adapters::storage::StoreOptions options;
  options.pool_size = static_cast<std::size_t>(threads);
  auto store = motcua::adapters::storage::open_store(url, options);
  if (!store.ok()) {
    std::cerr << store.error().message << "\n";
    return 1;
  }
  std::vector<std::thread> workers;
  std::vector<int> failures(static_cast<size_t>(threads), 0);
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        motcua::core::Status s =
            store.value()->transact([&](motcua::app::Repositories& r) -> motcua::core::Status {
              auto n = r.sequences().next(scope);
              if (!n.ok()) return n.error();
              return r.settings().set(scope + "#" + std::to_string(n.value()), "x");
            });
        if (!s.ok()) {
          std::cerr << s.error().message << "\n";
          ++failures[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  for (int f : failures) {
    if (f != 0) return 1;
  }
  return 0;
}
