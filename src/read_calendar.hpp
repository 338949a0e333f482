// Reading holiday calendars, shared by the policy loader (calendar files) and the case loader
// (a case's own `calendar:` section). Private to the compiled library.
#pragma once

#include <rulebook/calendar.hpp>
#include <rulebook/source.hpp>

namespace rulebook::detail {

/// Reads `holidays:` and `workdays:` of a calendar mapping into `out`.
/// holidays: `{date, name}` or `{from, to, name}`; workdays: a date or `{date, name}`.
inline void read_calendar_entries(field_reader& cal, calendar& out) {
  auto& rd = cal.reader();
  if (const auto* list = cal.optional("holidays")) {
    if (list->kind != source_node::type::sequence) {
      rd.error(*list, "`holidays` must be a list of `{date, name}` or `{from, to, name}`");
    } else {
      for (const auto& item : list->items) {
        field_reader h(rd, item, "a holiday");
        const auto* one = h.optional("date");
        const auto* from = h.optional("from");
        const auto* to = h.optional("to");
        std::string name;
        if (const auto* n = h.optional("name")) name = rd.text(*n, "`name` of a holiday").value_or("");
        h.finish();
        if (!h.ok()) continue;
        if (one != nullptr && from == nullptr && to == nullptr) {
          if (auto d = rd.date_value(*one, "a holiday")) out.add_holiday(*d, name);
        } else if (one == nullptr && from != nullptr && to != nullptr) {
          auto f = rd.date_value(*from, "`from` of a holiday");
          auto t = rd.date_value(*to, "`to` of a holiday");
          if (f && t && *t < *f) {
            rd.error(*to, "holiday `" + name + "` ends before it starts");
          } else if (f && t) {
            out.add_holiday(*f, *t, name);
          }
        } else {
          rd.error(item, "a holiday has either `date` or both `from` and `to`");
        }
      }
    }
  }
  if (const auto* list = cal.optional("workdays")) {
    if (list->kind != source_node::type::sequence) {
      rd.error(*list, "`workdays` must be a list of dates");
    } else {
      for (const auto& item : list->items) {
        if (item.kind == source_node::type::map) {
          field_reader w(rd, item, "an adjusted working day");
          const auto* d = w.required("date");
          std::string name;
          if (const auto* n = w.optional("name")) name = rd.text(*n, "`name` of a working day").value_or("");
          w.finish();
          if (d != nullptr) {
            if (auto day = rd.date_value(*d, "an adjusted working day")) out.add_workday(*day, name);
          }
        } else if (auto day = rd.date_value(item, "an adjusted working day")) {
          out.add_workday(*day);
        }
      }
    }
  }
}

}  // namespace rulebook::detail
