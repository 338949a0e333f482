#include <rulebook/kinds.hpp>

namespace rulebook {

auto kind_registry::builtin() -> const kind_registry& {
  static const kind_registry kinds = [] {
    kind_registry k;
    k.add("absence", &rules::absence::make);
    k.add("approval_authority", &rules::approval_authority::make);
    k.add("approval_chain", &rules::approval_chain::make);
    k.add("blackout", &rules::blackout::make);
    k.add("certificate_coverage", &rules::certificate_coverage::make);
    k.add("certificate_hand_in", &rules::certificate_hand_in::make);
    k.add("deadline", &rules::deadline::make);
    k.add("duration_threshold", &rules::duration_threshold::make);
    k.add("in_person", &rules::in_person::make);
    k.add("notice_period", &rules::notice_period::make);
    return k;
  }();
  return kinds;
}

}  // namespace rulebook
