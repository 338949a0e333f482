// Private: the bytes of an input file, mapped rather than read, with the pages reading has passed
// given back to the kernel, so a file of any size costs a few megabytes. The JSON and CSV readers
// use it.
#pragma once

#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace rulebook::detail {

class mapped_file {
 public:
  mapped_file() = default;
  /// Text already in memory (nothing to give back).
  explicit mapped_file(std::string text) : text_(std::move(text)), bytes_(text_) {}
  mapped_file(const mapped_file&) = delete;
  auto operator=(const mapped_file&) -> mapped_file& = delete;
  ~mapped_file() {
    if (map_ != nullptr) ::munmap(map_, bytes_.size());
  }

  /// Opens `path`: a regular file is mapped; anything else but a directory is read whole, unless
  /// `regular_only` (a device or a pipe named inside a file could be read for ever). Why it cannot
  /// be read, when it cannot.
  auto open(const std::string& path, bool regular_only) -> std::optional<std::string> {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::string(std::strerror(errno));
    struct closer {
      int fd;
      ~closer() { ::close(fd); }
    } guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return std::string(std::strerror(errno));
    if (S_ISDIR(st.st_mode)) return std::string("it is a directory, not a file");
    if (regular_only && !S_ISREG(st.st_mode)) return std::string("it is not a regular file");
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      const auto size = static_cast<std::size_t>(st.st_size);
      void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (m != MAP_FAILED) {
        ::madvise(m, size, MADV_SEQUENTIAL);
        map_ = m;
        bytes_ = std::string_view(static_cast<const char*>(m), size);
        return std::nullopt;
      }
    }
    char chunk[1 << 16];
    for (;;) {
      const auto got = ::read(fd, chunk, sizeof chunk);
      if (got < 0) {
        if (errno == EINTR) continue;
        return std::string(std::strerror(errno));
      }
      if (got == 0) break;
      text_.append(chunk, static_cast<std::size_t>(got));
    }
    bytes_ = text_;
    return std::nullopt;
  }

  [[nodiscard]] auto bytes() const -> std::string_view { return bytes_; }

  /// Reading starts again at `offset` (a list read a second time): pages are given back from there.
  void restart(std::size_t offset) { released_ = offset / page() * page(); }
  /// Reading has passed `offset`: the pages before it may go, every 32 MB (they come back, from
  /// the page cache, should a message need them again).
  void passed(std::size_t offset) {
    constexpr std::size_t step = std::size_t{32} << 20;
    if (map_ == nullptr || offset < released_ + step) return;
    const std::size_t upto = offset / page() * page();
    ::madvise(static_cast<char*>(map_) + released_, upto - released_, MADV_DONTNEED);
    released_ = upto;
  }

 private:
  static auto page() -> std::size_t {
    static const auto size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
  }

  std::string text_;
  std::string_view bytes_;
  void* map_ = nullptr;
  std::size_t released_ = 0;
};

}  // namespace rulebook::detail
