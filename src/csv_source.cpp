// Lists a case keeps in files of their own (CSV exports of WFM tools and punch clocks).
#include "source_io.hpp"

namespace rulebook::detail {

void external_list(const std::string& /*case_path*/, const source_node& spec, std::string_view section,
                   source_reader& rd, const std::function<void(const source_node&)>& /*read*/) {
  rd.error(spec, "`" + std::string(section) + "` must be a list");
}

}  // namespace rulebook::detail
