#include "export/internal.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "util/calendar.h"

namespace detente::export_internal {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when ill-formed.
size_t SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlongs
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

}  // namespace

std::string CleanText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      out += '\n';
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      out += (c == '\n' || c == '\t') ? static_cast<char>(c) : ' ';
      ++i;
      continue;
    }
    size_t len = SequenceLength(s, i);
    // U+FFFE and U+FFFF are not characters XML allows (nor are the
    // surrogates, which are not valid UTF-8 anyway).
    const bool xml_forbidden =
        len == 3 && c == 0xEF && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF');
    if (len == 0 || xml_forbidden) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += len == 0 ? 1 : len;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string clean = CleanText(s);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string DotQuote(std::string_view s) {
  std::string clean = CleanText(s);
  std::string out = "\"";
  for (char c : clean) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

std::string CsvField(std::string_view s) {
  std::string clean = CleanText(s);
  // OWASP's rule against CSV injection: a cell a spreadsheet would read as a
  // formula starts with ' instead (CleanText made a leading CR a newline).
  if (!clean.empty() && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' || clean[0] == '@' ||
                         clean[0] == '\t' || clean[0] == '\r' || clean[0] == '\n')) {
    clean.insert(0, 1, '\'');
  }
  if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string NodeId(const GraphEntity& e) { return "n" + std::to_string(e.id); }
std::string EdgeId(const GraphEvent& e) { return "e" + std::to_string(e.id); }

namespace {

FieldValue Text(std::string_view s) {
  if (s.empty()) return std::monostate{};
  return std::string(s);
}

// The event's CAMEO code (Graph::cameo_code: the full code, else its
// class's root), or null when it is none.
FieldValue Code(std::string_view code) {
  const std::optional<CameoCode> c = CameoCode::Parse(code);
  return c ? FieldValue(c->str()) : FieldValue(std::monostate{});
}

}  // namespace

const std::vector<NodeField>& NodeFields() {
  static const std::vector<NodeField> fields = {
      {"name", FieldType::kString,
       [](const Graph&, const GraphEntity& e) -> FieldValue { return e.name; }},
      {"kind", FieldType::kString, [](const Graph&, const GraphEntity& e) { return Text(e.kind); }},
      {"country", FieldType::kString,
       [](const Graph&, const GraphEntity& e) { return Text(e.country); }},
      {"role", FieldType::kString,
       [](const Graph&, const GraphEntity& e) { return Text(RoleName(e.role)); }},
      {"entity_id", FieldType::kLong,
       [](const Graph&, const GraphEntity& e) -> FieldValue { return e.id; }},
  };
  return fields;
}

const std::vector<EdgeField>& EdgeFields() {
  using O = const ExportOptions&;
  static const std::vector<EdgeField> fields = {
      {"event_id", FieldType::kLong,
       [](const Graph&, const GraphEvent& e, O) -> FieldValue { return e.id; }},
      {"action", FieldType::kString,
       [](const Graph& g, const GraphEvent& e, O) { return Text(g.action(e)); }},
      {"action_class", FieldType::kString,
       [](const Graph& g, const GraphEvent& e, O) { return Text(g.action_class(e)); }},
      {"cameo_code", FieldType::kString,
       [](const Graph& g, const GraphEvent& e, O) { return Code(g.cameo_code(e)); }},
      {"quad_class", FieldType::kLong,
       [](const Graph& g, const GraphEvent& e, O) -> FieldValue {
         const int q = QuadClassOf(g.action_class(e));
         return q == 0 ? FieldValue(std::monostate{}) : FieldValue(int64_t{q});
       }},
      {"date", FieldType::kString,
       [](const Graph& g, const GraphEvent& e, O) { return Text(g.date(e)); }},
      {"modality", FieldType::kString,
       [](const Graph&, const GraphEvent& e, O) { return Text(ModalityName(e.modality)); }},
      {"negated", FieldType::kBool,
       [](const Graph&, const GraphEvent& e, O) -> FieldValue { return e.negated; }},
      {"sentence_id", FieldType::kLong,
       [](const Graph&, const GraphEvent& e, O) -> FieldValue { return e.sentence_id; }},
      {"sentence", FieldType::kString,
       [](const Graph&, const GraphEvent& e, O options) -> FieldValue {
         const std::string* s = SentenceOf(options, e);
         return s ? FieldValue(*s) : FieldValue(std::monostate{});
       }},
  };
  return fields;
}

std::string FieldText(const FieldValue& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(double d) const {
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      return std::string(buf, r.ptr);
    }
  };
  return std::visit(Visitor{}, v);
}

std::optional<std::pair<std::string, std::string>> DateSpan(std::string_view date) {
  if (date.size() > 10) date = date.substr(0, 10);
  if (!IsIsoDatePrefix(date)) return std::nullopt;
  const std::string d(date);
  if (d.size() == 10) return std::make_pair(d, d);
  if (d.size() == 4) return std::make_pair(d + "-01-01", d + "-12-31");
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2));
  char last[4];
  std::snprintf(last, sizeof last, "%02d", DaysInMonth(y, m));
  return std::make_pair(d + "-01", d + "-" + last);
}

Subgraph Normalize(const Graph& g, const Subgraph& sub) {
  Subgraph out;
  std::vector<char> member(g.num_vertices(), 0);
  for (uint32_t v : sub.vertices) {
    if (v < g.num_vertices() && !member[v]) {
      member[v] = 1;
      out.vertices.push_back(v);
    }
  }
  std::sort(out.vertices.begin(), out.vertices.end(),
            [&](uint32_t a, uint32_t b) { return g.entity(a).id < g.entity(b).id; });
  for (uint32_t e : sub.events) {
    if (e < g.num_events() && member[g.event(e).actor] && member[g.event(e).object]) {
      out.events.push_back(e);
    }
  }
  std::sort(out.events.begin(), out.events.end(),
            [&](uint32_t a, uint32_t b) { return g.event(a).id < g.event(b).id; });
  out.events.erase(std::unique(out.events.begin(), out.events.end()), out.events.end());
  return out;
}

std::string EdgeLabel(const Graph& g, const GraphEvent& e) {
  std::string label(g.action(e));
  if (!g.date(e).empty()) {
    label += ' ';
    label += g.date(e);
  }
  return label;
}

const std::string* SentenceOf(const ExportOptions& options, const GraphEvent& e) {
  auto it = options.sentences.find(e.sentence_id);
  return it == options.sentences.end() ? nullptr : &it->second;
}

}  // namespace detente::export_internal
