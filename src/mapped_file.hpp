// Private: the bytes of an input file, mapped rather than read, with the pages reading has passed
// given back to the kernel, so a file of any size costs a few megabytes. The JSON and CSV readers
// use it.
#pragma once

#include <rulebook/lang.hpp>

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

/// Why a file cannot be read, from the `errno` of the call that failed, in language `l`: the
/// system's own words (in English) or, in Chinese, ours for the common reasons.
inline auto why_unreadable(int err, lang l) -> std::string {
  if (l == lang::zh) {
    switch (err) {
      case ENOENT: return "文件不存在";
      case EACCES: return "没有读取权限";
      case EPERM: return "没有权限";
      case EISDIR: return "这是目录，不是文件";
      case ENOTDIR: return "路径中有一部分不是目录";
      case ELOOP: return "符号链接层数过多";
      case ENAMETOOLONG: return "文件名太长";
      case EIO: return "读写出错（I/O错误）";
      default: break;
    }
  }
  return std::strerror(err);
}
/// "it is a directory, not a file", in language `l`.
inline auto directory_not_file(lang l) -> std::string {
  return l == lang::zh ? "这是目录，不是文件" : "it is a directory, not a file";
}

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
  /// be read, when it cannot, in language `l`.
  auto open(const std::string& path, bool regular_only, lang l) -> std::optional<std::string> {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return why_unreadable(errno, l);
    struct closer {
      int fd;
      ~closer() { ::close(fd); }
    } guard{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return why_unreadable(errno, l);
    if (S_ISDIR(st.st_mode)) return directory_not_file(l);
    if (regular_only && !S_ISREG(st.st_mode)) {
      return std::string(l == lang::zh ? "这不是普通文件" : "it is not a regular file");
    }
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
        return why_unreadable(errno, l);
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
