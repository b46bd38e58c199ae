#include "entities/leaders.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "entities/gazetteer.h"
#include "test_util.h"

namespace detente {
namespace {

using testing::TempDir;
using testing::WriteFile;

// The real data/ directory, loaded once for all tests.
const Leaders& Real() {
  static const Leaders* l = [] {
    Result<Leaders> r = Leaders::Load(testing::SourceDir() + "/data");
    if (!r.ok()) FAIL(r.status().ToString());
    return new Leaders(std::move(r).value());
  }();
  return *l;
}

// A data directory with two countries and `rows` as leaders.tsv.
void WriteData(const TempDir& dir, const std::string& rows) {
  WriteFile(dir.File("countries.tsv"), "# alpha3\tname\taliases\nAAA\tAland\t\nBBB\tBeland\t\n");
  WriteFile(dir.File("leaders.tsv"),
            "# name\taliases\tcountry\trole\toffice\torganization\tfrom\tto\n" + rows);
}

Leaders LoadOrFail(const TempDir& dir) {
  Result<Leaders> r = Leaders::Load(dir.path().string());
  if (!r.ok()) FAIL(r.status().ToString());
  return std::move(r).value();
}

// The load error for `rows`, or "" when they load.
std::string LoadError(const std::string& rows) {
  TempDir dir;
  WriteData(dir, rows);
  Result<Leaders> r = Leaders::Load(dir.path().string());
  return r.ok() ? "" : r.status().message();
}

TEST_CASE("leaders: Fold ignores case, accents, apostrophes and separators", "[leaders]") {
  CHECK(Leaders::Fold("Abdel Fattah el-Sisi") == "abdel fattah el sisi");
  CHECK(Leaders::Fold("ERDOĞAN") == "erdogan");
  CHECK(Leaders::Fold("Erdoğan's") == "erdogan");
  CHECK(Leaders::Fold("Erdoğan’s") == "erdogan");
  CHECK(Leaders::Fold("Kim Jong-un") == Leaders::Fold("Kim  Jong Un"));
  CHECK(Leaders::Fold("Massimo D’Alema") == "massimo dalema");
  CHECK(Leaders::Fold("Joseph R. Biden Jr.") == "joseph r biden jr");
  CHECK(Leaders::Fold("Łukasz Økland-Straße") == "lukasz okland strasse");
  CHECK(Leaders::Fold("Nguyễn Phú Trọng") == "nguyen phu trong");
  CHECK(Leaders::Fold("Ilham Əliyev") == "ilham eliyev");
  CHECK(Leaders::Fold("Путин") == "Путин");  // other scripts are kept as written
  CHECK(Leaders::Fold(" - ' ") == "");
}

TEST_CASE("leaders: the date picks the term, and a former leader stays the same person",
          "[leaders]") {
  TempDir dir;
  WriteData(dir,
            "Ada Quill\tQuill\tAAA\tGOV\thead_of_government\t\t2001-03-01\t2004-06-30\n"
            "Ada Quill\t\tAAA\tGOV\thead_of_state\t\t2008\t2015-12-31\n"
            "Ada Quill\t\t\tIGO\tsecretary_general\tUnited Nations\t2016-01-01\t\n"
            "Bo Reed\t\tBBB\tMIL\thead_of_state\t\t1999-05\t2003-02-14\n");
  Leaders l = LoadOrFail(dir);
  auto office = [&](const char* date) {
    LeaderMatch m = l.Find("Ada Quill", date);
    REQUIRE(m);
    return m.term->office;
  };
  CHECK(office("2002-07-19") == "head_of_government");
  CHECK(office("2010-01-01") == "head_of_state");
  CHECK(office("2020-05-05") == "secretary_general");
  // Between two terms and before the first: the last term held, else the first.
  CHECK(office("2006-01-01") == "head_of_government");
  CHECK(office("1990-01-01") == "head_of_government");
  // No date (or a date that does not parse): the latest term.
  CHECK(office("") == "secretary_general");
  CHECK(office("next spring") == "secretary_general");
  // A year-only date covers the whole year; an ISO time is ignored.
  CHECK(office("2008") == "head_of_state");
  CHECK(office("2004-06-30T23:59:00Z") == "head_of_government");

  LeaderMatch m = l.Find("quill", "2002-01-01");
  REQUIRE(m);
  CHECK(m.leader->name == "Ada Quill");
  CHECK(m.term->country == "AAA");
  CHECK(m.term->to == "2004-06-30");
  m = l.Find("Bo Reed", "2002");
  REQUIRE(m);
  CHECK(m.term->role == detente::Role::kMil);
  CHECK(m.term->from == "1999-05");
  CHECK(m.term->to == "2003-02-14");
}

TEST_CASE("leaders: a shared name resolves only when the date singles out one holder",
          "[leaders]") {
  TempDir dir;
  WriteData(dir,
            "Carl Vane\tVane\tAAA\tGOV\thead_of_state\t\t2000\t2005\n"
            "Dora Vane\tVane\tBBB\tGOV\thead_of_government\t\t2004\t2010-08-01\n"
            "Eli Moss (born 1950)\tEli Moss|Moss\tAAA\tGOV\tforeign_minister\t\t2001\t2003\n"
            "Eli Moss (born 1961)\tEli Moss|Moss\tBBB\tGOV\tdefence_minister\t\t2012\t\n");
  Leaders l = LoadOrFail(dir);
  CHECK_FALSE(l.Find("Vane"));                // no date
  CHECK_FALSE(l.Find("Vane", "2004-06-01"));  // both in office
  CHECK_FALSE(l.Find("Vane", "2015"));        // neither in office
  REQUIRE(l.Find("Vane", "2002"));
  CHECK(l.Find("Vane", "2002").leader->name == "Carl Vane");
  CHECK(l.Find("Vane", "2007").leader->name == "Dora Vane");
  // A full name always resolves, whatever the date.
  CHECK(l.Find("Dora Vane", "2002").term->country == "BBB");
  CHECK(l.Find("Carl Vane").term->country == "AAA");
  // Two people with one full name, told apart by a qualifier.
  CHECK_FALSE(l.Find("Eli Moss"));
  LeaderMatch m = l.Find("Eli Moss", "2002-02-02");
  REQUIRE(m);
  CHECK(m.leader->name == "Eli Moss");
  CHECK(m.leader->qualifier == "born 1950");
  CHECK(l.Find("Moss", "2020").leader->qualifier == "born 1961");
}

TEST_CASE("leaders: malformed rows are rejected with file and line", "[leaders]") {
  const std::string good = "Ada Quill\t\tAAA\tGOV\thead_of_state\t\t2001\t2004\n";
  CHECK(LoadError(good).empty());
  struct Case {
    std::string row;
    std::string problem;
  };
  std::vector<Case> cases = {
      {"Bo Reed\t\tZZZ\tGOV\thead_of_state\t\t2001\t2004\n", "unknown country code 'ZZZ'"},
      {"Bo Reed\t\tAAA\tBOSS\thead_of_state\t\t2001\t2004\n", "unknown role 'BOSS'"},
      {"Bo Reed\t\tAAA\tGOV\tking\t\t2001\t2004\n", "unknown office 'king'"},
      {"Bo Reed\t\tAAA\tGOV\thead_of_state\t\t2001-13\t2004\n", "bad from date '2001-13'"},
      {"Bo Reed\t\tAAA\tGOV\thead_of_state\t\t2001\t2003-02-29\n", "bad to date"},
      {"Bo Reed\t\tAAA\tGOV\thead_of_state\t\t2005-03-01\t2004\n", "is after to"},
      {"Bo Reed\t\tAAA\tGOV\thead_of_state\t2001\t2004\n", "expected 8"},
      {"Bo Reed\t\t\tGOV\thead_of_state\t\t2001\t2004\n", "a country or an organization"},
      {"--\t\tAAA\tGOV\thead_of_state\t\t2001\t2004\n", "empty name"},
      {"Bo Reed\tReed|'\tAAA\tGOV\thead_of_state\t\t2001\t2004\n", "empty alias"},
      {good, "duplicate term"},
  };
  for (const Case& c : cases) {
    INFO(c.row);
    std::string err = LoadError(good + "# a comment\n" + c.row);
    CHECK(err.find("leaders.tsv:4: ") != std::string::npos);
    CHECK(err.find(c.problem) != std::string::npos);
  }
  TempDir dir;
  WriteFile(dir.File("countries.tsv"), "AAA\tAland\t\n");
  Result<Leaders> r = Leaders::Load(dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("leaders.tsv: cannot read") != std::string::npos);
  WriteFile(dir.File("leaders.tsv"), "Ada Qu\xC3ll\t\tAAA\tGOV\thead_of_state\t\t2001\t\n");
  r = Leaders::Load(dir.path().string());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("not valid UTF-8") != std::string::npos);
}

TEST_CASE("leaders: real data: codes exist, terms are ordered, organisations are known",
          "[leaders]") {
  const Leaders& l = Real();
  CHECK(l.leaders().size() > 1500);
  std::set<std::string> codes;
  std::ifstream in(testing::SourceDir() + "/data/countries.tsv");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') codes.insert(line.substr(0, line.find('\t')));
  }
  REQUIRE(codes.size() > 240);
  Result<Gazetteer> g = Gazetteer::Load(testing::SourceDir() + "/data");
  REQUIRE(g.ok());
  std::set<std::string> states;
  size_t terms = 0;
  for (const Leader& p : l.leaders()) {
    REQUIRE_FALSE(p.terms.empty());
    for (const LeaderTerm& t : p.terms) {
      INFO(p.name << " " << t.office << " " << t.from);
      ++terms;
      if (!t.country.empty()) CHECK(codes.count(t.country) == 1);
      CHECK(t.from.substr(0, 4) >= "1940");
      CHECK(t.first_day <= t.last_day);
      if (!t.to.empty()) CHECK(t.from.substr(0, 4) <= t.to.substr(0, 4));
      if (!t.organization.empty()) CHECK(g->Find(t.organization) != nullptr);
      if (t.office == "head_of_state" && t.last_day >= 20000101) states.insert(t.country);
    }
  }
  CHECK(terms > 2000);
  // Heads of state since 2000 for the states in the news most (the monarch's
  // realms are under GBR).
  for (const char* c : {"USA", "RUS", "CHN", "UKR", "ISR", "PSE", "IRN", "SDN", "COD", "VEN",
                        "MMR", "AFG", "PRK", "SYR", "YEM", "LBY", "ETH", "SOM", "TUR", "BRA"}) {
    CHECK(states.count(c) == 1);
  }
}

TEST_CASE("leaders: real data: a leader in two offices, by date", "[leaders]") {
  const Leaders& l = Real();
  struct Want {
    const char* name;
    const char* date;
    const char* office;
    const char* country;
  };
  for (const Want& w : std::vector<Want>{
           {"Vladimir Putin", "2005-06-01", "head_of_state", "RUS"},
           {"Vladimir Putin", "2010-06-01", "head_of_government", "RUS"},
           {"Putin", "2023-02-24", "head_of_state", "RUS"},
           {"Erdogan", "2010-01-01", "head_of_government", "TUR"},
           {"Erdogan", "2020-01-01", "head_of_state", "TUR"},
           {"Medvedev", "2009-01-01", "head_of_state", "RUS"},
           {"Medvedev", "2015-01-01", "head_of_government", "RUS"},
           {"Barack Obama", "2024-03-01", "head_of_state", "USA"},  // former
           {"Joe Biden", "", "head_of_state", "USA"},
           {"Donald Trump", "2019-05-05", "head_of_state", "USA"},
       }) {
    INFO(w.name << " " << w.date);
    LeaderMatch m = l.Find(w.name, w.date);
    REQUIRE(m);
    CHECK(m.term->office == w.office);
    CHECK(m.term->country == w.country);
    CHECK(m.term->role == detente::Role::kGov);
  }
  // Ban Ki-moon: South Korea's foreign minister, then UN Secretary-General.
  LeaderMatch ban = l.Find("Ban Ki-moon", "2005-05-05");
  REQUIRE(ban);
  CHECK(ban.term->country == "KOR");
  ban = l.Find("Ban Ki-moon", "2012-05-05");
  CHECK(ban.term->country.empty());
  CHECK(ban.term->role == detente::Role::kIgo);
  CHECK(ban.term->organization == "United Nations");
}

TEST_CASE("leaders: real data: surnames, namesakes and spellings", "[leaders]") {
  const Leaders& l = Real();
  auto name = [&](const char* n, const char* date = "") {
    LeaderMatch m = l.Find(n, date);
    return m ? m.leader->name : std::string("(none)");
  };
  // A surname held by one leader.
  CHECK(name("Merkel") == "Angela Merkel");
  CHECK(name("Lukashenko", "2021-05-23") == "Alexander Lukashenko");
  CHECK(name("Nasrallah") == "Hassan Nasrallah");
  // Namesakes: the surname alone needs a date that singles one out.
  CHECK(name("Sharif") == "(none)");
  CHECK(name("Sharif", "2015-06-01") == "Nawaz Sharif");
  CHECK(name("Sharif", "2024-06-01") == "Shehbaz Sharif");
  CHECK(name("Sharif", "2020-06-01") == "(none)");
  CHECK(name("Assad", "1999-01-01") == "Hafez al-Assad");
  CHECK(name("Assad", "2013-08-21") == "Bashar al-Assad");
  CHECK(name("Kabila", "2010") == "Joseph Kabila");
  CHECK(name("Kim") == "(none)");
  // ... but a full name always resolves.
  CHECK(name("Nawaz Sharif", "2024-06-01") == "Nawaz Sharif");
  CHECK(name("Imran Khan") == "Imran Khan");
  LeaderMatch khan = l.Find("Khan", "2024-02-02");
  REQUIRE(khan);
  CHECK(khan.leader->name == "Karim Khan");
  CHECK(khan.term->role == detente::Role::kJud);
  // Spellings, with and without diacritics, hyphens and apostrophes.
  for (const char* n : {"Erdoğan", "Erdogan", "ERDOGAN", "Recep Tayyip Erdogan", "Erdoğan's"}) {
    CHECK(name(n) == "Recep Tayyip Erdoğan");
  }
  for (const char* n : {"Zelensky", "Zelenskyy", "Volodymyr Zelenskiy", "zelensky"}) {
    CHECK(name(n) == "Volodymyr Zelensky");
  }
  for (const char* n : {"el-Sisi", "al-Sisi", "El Sisi", "Sisi", "Abdel Fattah el-Sissi"}) {
    CHECK(name(n) == "Abdel Fattah el-Sisi");
  }
  for (const char* n : {"Kim Jong Un", "Kim Jong-un", "KIM JONG UN"}) {
    CHECK(name(n) == "Kim Jong Un");
  }
  CHECK(name("Lopez Obrador") == "Andrés Manuel López Obrador");
  CHECK(name("Lula") == "Luiz Inácio Lula da Silva");
  CHECK(name("Massimo DAlema") == "Massimo D'Alema");
  // Hamas's leader takes the home state of the group.
  LeaderMatch h = l.Find("Haniyeh", "2020-01-01");
  REQUIRE(h);
  CHECK(h.term->country == "PSE");
  CHECK(h.term->organization == "Hamas");
}

TEST_CASE("leaders: real data: an unknown person gets nothing", "[leaders]") {
  const Leaders& l = Real();
  for (const char* n : {"John Smith", "Hunter Biden", "Vladimir", "Putin Putin", "Jill", "", "   ",
                        "Prime Minister", "Austin", "Turk", "Charles"}) {
    INFO(n);
    CHECK_FALSE(l.Find(n, "2023-01-01"));
    CHECK_FALSE(l.Find(n));
  }
}

TEST_CASE("leaders: lookups from several threads agree", "[leaders]") {
  const Leaders& l = Real();
  const std::vector<std::pair<const char*, const char*>> queries = {
      {"Putin", "2010"}, {"Sharif", "2015"}, {"Macron", ""}, {"Nobody Here", ""}, {"Kim", "2019"}};
  auto run = [&] {
    std::string out;
    for (int i = 0; i < 2000; ++i) {
      for (const auto& [n, d] : queries) {
        LeaderMatch m = l.Find(n, d);
        out += m ? m.leader->name + "/" + m.term->office + ";" : "-;";
      }
    }
    return out;
  };
  std::string expected = run();
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { got[t] = run(); });
  for (std::thread& t : threads) t.join();
  for (const std::string& g : got) CHECK(g == expected);
}

TEST_CASE("leaders: a nationality outlasts the terms, unless they were held in two states",
          "[leaders]") {
  TempDir dir;
  WriteData(dir,
            "Ada Quill\t\tAAA\tGOV\thead_of_government\t\t2001\t2004\n"
            "Ada Quill\t\t\tIGO\tsecretary_general\tUnited Nations\t2006\t2010\n"
            "Bo Reed\t\tAAA\tGOV\tforeign_minister\t\t2001\t2004\n"
            "Bo Reed\t\tBBB\tGOV\thead_of_state\t\t2006\t2010\n"
            "Cy Moss\t\t\tIGO\tsecretary_general\tUnited Nations\t2006\t2010\n");
  Leaders l = LoadOrFail(dir);
  LeaderMatch quill = l.Find("Ada Quill", "2012");
  REQUIRE(quill);
  CHECK(quill.term->country.empty());  // her last term led a body of states
  CHECK_FALSE(quill.in_office);
  CHECK(l.Find("Ada Quill", "2007").in_office);
  CHECK(quill.leader->Nationality() == "AAA");
  CHECK(l.Find("Bo Reed").leader->Nationality().empty());
  CHECK(l.Find("Cy Moss").leader->Nationality().empty());
}

}  // namespace
}  // namespace detente
