// detente: a thin command line over the public API of the detente_* libraries.
#include <fmt/format.h>

#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "detente/suggest.h"

namespace detente::cli {
namespace {

const Command kCommands[] = {
    {"ingest", "Extract events from articles and store them in the database", SetupIngest},
    {"extract", "Print the events of articles as JSON Lines; touches no database",
     SetupExtract},
    {"sql", "Run SQL against the database (read-only unless --write)", SetupSql},
    {"stats", "Print counts of what the database holds", SetupStats},
    {"merge", "Merge shards (databases of ingest) into one database", SetupMerge},
    {"path", "Shortest chain of events between two entities", SetupPath},
    {"neighbours", "Entities and events around one entity (ego network)", SetupNeighbours},
    {"rank", "Rank entities by degree, PageRank or betweenness", SetupRank},
    {"entity",
     "One entity: aliases, kind, country, role and its timeline; merge, unmerge, alias add|remove",
     SetupEntity},
    {"events", "One row per event (GDELT- and ICEWS-like columns) as TSV, CSV or JSON Lines",
     SetupEvents},
    {"export", "Write the graph as DOT, GraphML, JSON or CSV; render with Graphviz",
     SetupExport},
    {"serve", "Serve a web view of the graph and a JSON API on this machine", SetupServe},
};

CLI::App* FindCommand(CLI::App& app, const std::string& name) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

std::string CommandList() {
  std::string out;
  for (const Command& c : kCommands) out += std::string(out.empty() ? "" : ", ") + c.name;
  return out;
}

// True for "-1", "-2.5": a value, not an option.
bool IsNegativeNumber(std::string_view s) {
  return s.size() > 1 && s[0] == '-' &&
         s.find_first_not_of("0123456789.eE", 1) == std::string_view::npos;
}

// The option named by a command-line token ("--db=x" -> "--db", "-j4" -> "-j").
std::string OptionName(const std::string& token) {
  if (token.rfind("--", 0) == 0) return token.substr(0, token.find('='));
  return token.substr(0, 2);
}

// Every "--long" and "-s" name of `app`'s options, with --help.
std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names = {"--help"};
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
  }
  return names;
}

// A clearer message than CLI11's for the usual slips: a mistyped command or
// option (with the nearest right one), and a file name that starts with '-'.
// Empty when CLI11's own message says it best.
std::string UsageMessage(CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty()) return "a command is required: " + CommandList();
  const std::string& first = args[0];
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.push_back(c.name);
  if (first[0] != '-' && !FindCommand(app, first)) {
    std::string suggestion = Nearest(first, names);
    return fmt::format("unknown command \"{}\"{}; the commands are {}", first,
                       suggestion.empty() ? "" : " (did you mean \"" + suggestion + "\"?)",
                       CommandList());
  }
  if (first[0] == '-' && first != "--version") {
    std::string suggestion = Nearest(first, {"--help", "--version"});
    return fmt::format("unknown option \"{}\"{}; a command comes first: detente COMMAND ... ({})",
                       first, suggestion.empty() ? "" : " (did you mean " + suggestion + "?)",
                       CommandList());
  }
  CLI::App* sub = FindCommand(app, first);
  if (!sub) return "";
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& token = args[i];
    if (token == "--") break;
    if (token.size() < 2 || token[0] != '-' || IsNegativeNumber(token)) continue;
    const std::string name = OptionName(token);
    if (name == "-h" || name == "--help" || sub->get_option_no_throw(name)) continue;
    if (token[1] != '-' && token.size() > 2) {
      return fmt::format(
          "unknown option \"{}\" for {}; to name a file that starts with '-', write ./{} or put "
          "-- before it",
          token, first, token);
    }
    std::string suggestion = token[1] == '-' ? Nearest(name, OptionNames(*sub)) : "";
    return fmt::format("unknown option \"{}\" for {}{}", name, first,
                       suggestion.empty() ? "" : "; did you mean " + suggestion + "?");
  }
  return "";
}

}  // namespace
}  // namespace detente::cli

int main(int argc, char** argv) {
  using namespace detente::cli;
  CLI::App app{"detente: a local knowledge graph of diplomatic events"};
  app.set_version_flag("--version", std::string("detente ") + DETENTE_VERSION);
  app.require_subcommand(1);
  std::map<CLI::App*, Runner> runners;
  for (const Command& c : kCommands) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    runners[sub] = c.setup(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    std::string message = UsageMessage(app, std::vector<std::string>(argv + 1, argv + argc));
    if (message.empty()) message = e.what();
    const bool known = argc > 1 && FindCommand(app, argv[1]);
    Note(message + " (see detente " + (known ? std::string(argv[1]) + " " : "") + "--help)");
    return kExitUsage;  // CLI11 would use 100-127
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
