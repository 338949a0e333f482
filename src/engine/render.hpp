// Private: rendering a finding's message, the policy's own template or the kind's.
#pragma once

#include <rulebook/kind.hpp>

#include <string>
#include <string_view>

namespace rulebook::detail {

/// Renders a policy's message template: `{key}` is the evidence under `key`, or one of
/// `employee`, `shift`, `request`, `rule`, `clause`, `approver_role`; `{{` and `}}` are braces.
/// A name with no value is left as written, so a typo shows in the message.
auto render_template(std::string_view text, const finding& f, const rule_header& h, const message_context& m)
    -> std::string;

/// `f`'s message: the policy's own template for the language if it has one, else the kind's.
auto render_message(const rule& r, const finding& f, const message_context& m) -> std::string;

/// A role as words, from the policy's `labels.roles` (`ls` may be null): "department director", 客服部主任.
auto role_words(const labels* ls, const std::string& role, lang l) -> std::string;

}  // namespace rulebook::detail
