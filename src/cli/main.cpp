// detente: a thin command line over detente_core's public API.
#include <cstdio>
#include <map>
#include <string>

#include "cli/commands.h"

namespace detente::cli {
namespace {

const Command kCommands[] = {
    {"ingest", "Extract events from articles and store them in the database", SetupIngest},
    {"extract", "Print the events of articles as JSON Lines; touches no database",
     SetupExtract},
    {"sql", "Run SQL against the database (read-only unless --write)", SetupSql},
    {"stats", "Print counts of what the database holds", SetupStats},
    {"path", "Shortest chain of events between two entities", SetupPath},
    {"neighbours", "Entities and events around one entity (ego network)", SetupNeighbours},
    {"rank", "Rank entities by degree, PageRank or betweenness", SetupRank},
    {"entity", "One entity: aliases, kind, country and its timeline", SetupEntity},
    {"export", "Write the graph as DOT, GraphML, JSON or CSV; render with Graphviz",
     SetupExport},
    {"serve", "Serve a web view of the graph and a JSON API on this machine", SetupServe},
};

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
    app.exit(e);
    return kExitUsage;  // CLI11 would use 100-127
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;
}
