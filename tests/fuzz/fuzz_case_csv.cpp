// libFuzzer target: any bytes as a CSV file that a small case names for one of its lists, loaded
// against the department's policy and, when it loads, judged and written. The first byte chooses
// the list (people, shifts or punches), the encoding (utf-8 or gb18030) and whether `columns:`
// renames a header; the rest is the file. Never a crash, a hang or an exception.
#include "load_and_judge.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

namespace {

// A directory of this process's own for the CSV file, removed when the process ends.
struct work_dir {
  std::string path;
  work_dir() {
    std::string pattern = "/tmp/rulebook-fuzz-csv-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    path = pattern;
  }
  work_dir(const work_dir&) = delete;
  auto operator=(const work_dir&) -> work_dir& = delete;
  ~work_dir() {
    std::remove((path + "/list.csv").c_str());
    ::rmdir(path.c_str());
  }
};

auto dir() -> const std::string& {
  static const work_dir d;
  return d.path;
}

const char* const org = R"(people:
  - {id: E001, role: agent, grade: junior, leader: L01}
  - {id: L01, role: shift_leader}
)";
const char* const roster = R"(shifts:
  - {id: S1, employee: E001, start: 2026-03-02T08:00, end: 2026-03-02T17:00}
)";

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  if (size == 0) return 0;
  const unsigned choice = data[0];
  const std::string csv = dir() + "/list.csv";
  if (std::FILE* f = std::fopen(csv.c_str(), "wb")) {
    if (size > 1) std::fwrite(data + 1, 1, size - 1, f);
    std::fclose(f);
  } else {
    std::abort();
  }
  const std::string encoding = (choice / 3) % 2 == 0 ? "utf-8" : "gb18030";
  const std::string columns = (choice / 6) % 2 == 0 ? "" : ", columns: {工号: employee, 备注: null}";
  const std::string spec = "{file: list.csv, encoding: " + encoding + columns + "}\n";
  std::string text;
  switch (choice % 3) {
    case 0: text = "people: " + spec; break;
    case 1: text = std::string(org) + "shifts: " + spec; break;
    default: text = std::string(org) + roster + "punches: " + spec; break;
  }
  rulebook::fuzz::load_and_judge(dir() + "/case.yaml", text);
  return 0;
}
