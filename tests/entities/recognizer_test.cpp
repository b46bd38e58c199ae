#include <catch2/catch.hpp>

#include "detente/entities.h"
#include "detente/text.h"

using namespace detente;

namespace {
const EntityRecognizer& Rec() {
  static std::unique_ptr<EntityRecognizer> r = [] {
    auto x = EntityRecognizer::Create("");
    REQUIRE(x.ok());
    return std::move(x.value());
  }();
  return *r;
}
std::vector<Mention> Find(const std::string& sentence) {
  std::vector<std::string> toks;
  for (const Token& t : Tokenize(sentence)) toks.push_back(t.text);
  return Rec().Recognize(toks);
}
// The mention named `name`, or nullptr.
const Mention* Named(const std::vector<Mention>& ms, const std::string& name) {
  for (const Mention& m : ms)
    if (m.name == name) return &m;
  return nullptr;
}
}  // namespace

TEST_CASE("entities: a mention's kind is an entity kind, a reference or nothing", "[entities]") {
  const MentionKind person = EntityKind::kPerson;
  CHECK(person == EntityKind::kPerson);
  CHECK(person != EntityKind::kCountry);
  CHECK_FALSE(person.is_reference());
  CHECK(person.entity() == EntityKind::kPerson);
  // A reference is no entity kind; the entity it makes, unresolved, is unknown.
  const MentionKind ref = MentionKind::Reference();
  CHECK(ref.is_reference());
  CHECK(ref != EntityKind::kUnknown);
  CHECK(ref.entity() == EntityKind::kUnknown);
  // Nothing: what Modifier gives a word that names no entity.
  CHECK(MentionKind().empty());
  CHECK_FALSE(MentionKind().entity().has_value());
  CHECK(MentionKind() != ref);
  CHECK(Rec().Modifier("quickly").kind.empty());
  CHECK(Rec().Modifier("Egyptian").kind == EntityKind::kCountry);
  // "Sudanese rebels": a group named by its phrase, a kind records keep.
  const std::vector<Mention> ms = Find("Sudanese rebels attacked the town .");
  REQUIRE_FALSE(ms.empty());
  CHECK(ms[0].kind == EntityKind::kGroup);
  CHECK(ms[0].kind.entity() == EntityKind::kGroup);
}

TEST_CASE("entities: a title with a demonym makes one person with a country", "[entities]") {
  auto m = Find("Egyptian President Abdel Fattah el-Sissi spoke.");
  REQUIRE(m.size() == 1);
  CHECK(m[0].name == "Abdel Fattah el-Sissi");
  CHECK(m[0].kind == EntityKind::kPerson);
  CHECK(m[0].country == "EGY");
  CHECK(m[0].first == 0);
}

TEST_CASE("entities: a title gives its role and one person's agent noun describes a name",
          "[entities]") {
  auto minister = Find("Kenyan Trade Minister Rebecca Miano spoke.");
  REQUIRE(minister.size() == 1);
  CHECK(minister[0].role == detente::Role::kGov);
  auto general = Find("Sudanese General Yasser al-Atta spoke.");
  REQUIRE(general.size() == 1);
  CHECK(general[0].role == detente::Role::kMil);

  auto reporter = Find("Police held American journalist Evan Gershkovich for a year.");
  const Mention* p = Named(reporter, "Evan Gershkovich");
  REQUIRE(p);
  CHECK(p->kind == EntityKind::kPerson);
  CHECK(p->country == "USA");
  CHECK(p->role == detente::Role::kMed);
  // Only the listed plural: "activists" gives "activist" its role.
  auto activist = Find("Indian activist Medha Patkar spoke.");
  REQUIRE(activist.size() == 1);
  CHECK(activist[0].name == "Medha Patkar");
  CHECK(activist[0].country == "IND");
  CHECK(activist[0].role == detente::Role::kCvl);
  // A body describes no person: "army" does not make "Tuesday" a name.
  auto army = Find("The Israeli army Tuesday shelled the camp.");
  REQUIRE_FALSE(army.empty());
  for (const Mention& x : army) CHECK(x.kind != EntityKind::kPerson);
}

TEST_CASE("entities: an unknown people's group keeps its phrase and no state", "[entities]") {
  auto m = Find("Troops fought Tuareg rebels near the border.");
  const Mention* g = Named(m, "Tuareg rebels");
  REQUIRE(g);
  CHECK(g->kind == EntityKind::kGroup);
  CHECK(g->role == detente::Role::kReb);
  CHECK(g->country.empty());
  // A person's name before a singular noun is still the person.
  auto p = Find("Talks with Tshisekedi ended.");
  REQUIRE(p.size() == 1);
  CHECK(p[0].kind == EntityKind::kPerson);
}

TEST_CASE("entities: apposition after a title", "[entities]") {
  auto m = Find("He met the Qatari prime minister, Mohammed bin Abdulrahman Al Thani, on Monday.");
  bool found = false;
  for (const Mention& x : m)
    if (x.name == "Mohammed bin Abdulrahman Al Thani") found = x.country == "QAT";
  CHECK(found);
}

TEST_CASE("entities: countries, capitals, organisations and demonym groups", "[entities]") {
  auto m = Find("Turkish police detained NATO staff in Baku and the U.N. Security Council met.");
  REQUIRE(m.size() == 4);
  CHECK(m[0].name == "Turkey");
  CHECK(m[0].group_of_state);
  CHECK(m[1].name == "NATO");
  CHECK(m[2].name == "Baku");
  CHECK(m[2].country == "AZE");
  CHECK(m[2].capital);
  CHECK(m[3].kind == EntityKind::kOrganization);
}

TEST_CASE("entities: sentence-initial words and compounds are not names", "[entities]") {
  auto m = Find("However the Russian-backed rebels advanced.");
  for (const Mention& x : m) {
    CHECK(x.text != "However");
    // "the Russian-backed rebels" may be a description, never a name.
    if (x.kind != MentionKind::Reference()) CHECK(x.text.find("backed") == std::string::npos);
  }
}

TEST_CASE("entities: coreference of short names and pronouns", "[entities]") {
  DocumentEntities de;
  Mention full;
  full.name = full.text = "Antony Blinken";
  full.kind = EntityKind::kPerson;
  full.country = "USA";
  de.AddNames({full});
  Mention shortm;
  shortm.name = shortm.text = "Blinken";
  shortm.kind = EntityKind::kPerson;
  de.Canonicalize(&shortm);
  CHECK(shortm.name == "Antony Blinken");
  CHECK(shortm.country == "USA");
  de.Touch(full);
  Mention he;
  he.text = "he";
  he.kind = MentionKind::Reference();
  REQUIRE(de.ResolveReference(&he));
  CHECK(he.name == "Antony Blinken");
  Mention diplomat;
  diplomat.text = "the top U.S. diplomat";
  diplomat.kind = MentionKind::Reference();
  diplomat.country = "USA";
  REQUIRE(de.ResolveReference(&diplomat));
  CHECK(diplomat.name == "Antony Blinken");
  Mention group;
  group.text = "the group";
  group.kind = MentionKind::Reference();
  CHECK_FALSE(de.ResolveReference(&group));  // no group mentioned yet
}

TEST_CASE("entities: honorifics inside names and titles after an apposition comma",
          "[entities]") {
  auto a = Find("Kuwaiti Emir Mishal Al-Ahmad Al-Jaber Al-Sabah met Hassan Sheikh Mohamud.");
  bool sheikh = false;
  for (const Mention& x : a) sheikh = sheikh || x.name == "Hassan Sheikh Mohamud";
  CHECK(sheikh);
  auto b = Find("Mali's junta leader, Colonel Assimi Goita, spoke.");
  REQUIRE_FALSE(b.empty());
  CHECK(b[0].name == "Assimi Goita");
  CHECK(b[0].country == "MLI");
  // A title inside a longer description stays out of the name.
  auto c = Find("He beat Peronist Economy Minister Sergio Massa.");
  bool massa = false;
  for (const Mention& x : c) massa = massa || x.name == "Sergio Massa";
  CHECK(massa);
}

TEST_CASE("entities: state agents placed in a state that open a sentence stand for it",
          "[entities]") {
  auto m = Find("Army officers in Mali arrested the president on Monday.");
  REQUIRE(!m.empty());
  CHECK(m[0].text == "Army officers in Mali");
  CHECK(m[0].country == "MLI");
  CHECK(m[0].role == detente::Role::kMil);
  CHECK(m[0].group_of_state);
  auto capital = Find("Officials in Nairobi welcomed the plan.");
  REQUIRE(!capital.empty());
  CHECK(capital[0].country == "KEN");
  CHECK(capital[0].role == detente::Role::kGov);
  // Later in a sentence the troops are not the host state's.
  auto later = Find("Turkey deployed troops in Libya.");
  for (const Mention& x : later) CHECK_FALSE(x.group_of_state);
  // Protesters are not state agents.
  auto protest = Find("Protesters in Georgia blocked a bridge.");
  for (const Mention& x : protest) CHECK_FALSE(x.group_of_state);
}

TEST_CASE("entities: a party name many states share carries no state of its own", "[entities]") {
  for (const char* text : {"The People's Party won.", "The Social Democrats won."}) {
    auto m = Find(text);
    INFO(text);
    REQUIRE(m.size() == 1);
    CHECK(m[0].country.empty());
  }
  auto spd = Find("The SPD won.");
  REQUIRE(spd.size() == 1);
  CHECK(spd[0].country == "DEU");
}

TEST_CASE("entities: a body named 'X of STATE' is of that state, 'X of Y' of none",
          "[entities]") {
  auto m = Find("The Congress of Colombia met the Congress of Deputies.");
  REQUIRE(m.size() == 2);
  CHECK(m[0].name == "Congress of Colombia");
  CHECK(m[0].country == "COL");
  CHECK_FALSE(m[0].known);
  CHECK(m[1].name == "Congress of Deputies");
  CHECK(m[1].country.empty());
}

TEST_CASE("entities: two lower-case particles inside a name", "[entities]") {
  auto m = Find("Ursula von der Leyen met Luis de la Fuente in Madrid.");
  REQUIRE(m.size() == 3);
  CHECK(m[0].name == "Ursula von der Leyen");
  CHECK(m[1].name == "Luis de la Fuente");
  // Not a run of particles with no name after it.
  auto n = Find("Kenya sent aid to the people of the north.");
  REQUIRE(n.size() == 1);
  CHECK(n[0].name == "Kenya");
}

TEST_CASE("entities: a participle after a possessive qualifies the group, not after a bare name",
          "[entities]") {
  auto m = Find("Niger's ruling junta expelled the envoy.");
  REQUIRE_FALSE(m.empty());
  CHECK(m[0].name == "Niger's ruling junta");
  CHECK(m[0].country == "NER");
  auto n = Find("Kenya deployed police to Haiti.");
  REQUIRE(n.size() == 2);
  CHECK(n[0].name == "Kenya");
  CHECK(n[0].last == 0);
}

TEST_CASE("entities: 'detained' before a title is the act after a conjunction, the title after "
          "'of'",
          "[entities]") {
  auto m = Find("The colonel seized power and detained President Mohamed Bazoum.");
  REQUIRE_FALSE(m.empty());
  CHECK(m.back().name == "Mohamed Bazoum");
  CHECK(m.back().text.rfind("President", 0) == 0);
  auto n = Find("The president ordered the release of jailed opposition leader Khaleda Zia.");
  REQUIRE_FALSE(n.empty());
  CHECK(n.back().name == "Khaleda Zia");
  CHECK(n.back().text.rfind("jailed", 0) == 0);
}

TEST_CASE("entities: a body of no one state is IGO whatever its last word: a state's council is GOV",
          "[entities]") {
  auto m = Find("The UN Security Council met the Russian Security Council.");
  REQUIRE(m.size() == 2);
  CHECK(m[0].role == detente::Role::kIgo);
  CHECK(m[1].role == detente::Role::kGov);
  CHECK(m[1].country == "RUS");
}

TEST_CASE("entities: an unknown body's role comes from its last word", "[entities]") {
  auto m = Find("The Supreme Electoral Court met the Defence Ministry.");
  REQUIRE(m.size() == 2);
  CHECK(m[0].role == detente::Role::kJud);
  CHECK(m[1].role == detente::Role::kGov);
}


TEST_CASE("entities: an agent noun before a name describes it and a city after one first name is a surname",
          "[entities]") {
  auto m = Find("Dong Jun told his U.S. counterpart Lloyd Austin about it.");
  const Mention* p = Named(m, "Lloyd Austin");
  REQUIRE(p);
  CHECK(p->kind == EntityKind::kPerson);
  CHECK(p->country == "USA");
  CHECK(p->role == detente::Role::kGov);
  // After a full name, a city is still its own mention.
  auto two = Find("Recep Tayyip Erdogan Ankara");
  bool city = false;
  for (const Mention& x : two) city = city || (x.name == "Ankara" && x.kind == EntityKind::kCity);
  CHECK(city);
}

TEST_CASE("entities: a non-state group's word before a title gives the person its role",
          "[entities]") {
  auto m = Find("Opposition leader Ousmane Sonko spoke.");
  REQUIRE(m.size() == 1);
  CHECK(m[0].name == "Ousmane Sonko");
  CHECK(m[0].role == detente::Role::kOpp);
}



TEST_CASE("entities: a titled person of a body of no one state serves that body", "[entities]") {
  auto m = Find("He met EU envoy Miroslav Lajcak in Belgrade.");
  const Mention* p = Named(m, "Miroslav Lajcak");
  REQUIRE(p);
  CHECK(p->country.empty());
  CHECK(p->role == detente::Role::kIgo);
  CHECK(p->office == "European Union");
}

TEST_CASE("entities: a title written as a common noun after a state is the state in the title's role",
          "[entities]") {
  auto emir = Find("Kuwait's emir received the delegation in the palace.");
  REQUIRE(!emir.empty());
  CHECK(emir[0].name == "Kuwait");
  CHECK(emir[0].group_of_state);
  CHECK(emir[0].role == detente::Role::kGov);
  auto secretary = Find("The Canadian defence secretary toured the base.");
  const Mention* s = Named(secretary, "Canada");
  REQUIRE(s);
  CHECK(s->role == detente::Role::kGov);
  // A title before a name titles the name; one before a noun qualifies it.
  auto named = Find("Chile's president Gabriel Boric spoke.");
  CHECK(Named(named, "Chile") == nullptr);
  auto vote = Find("Israel's general election was held in March.");
  REQUIRE(!vote.empty());
  CHECK(vote[0].name == "Israel");
  CHECK(!vote[0].group_of_state);
}

TEST_CASE("entities: an Arabic article before a capital starts a name", "[entities]") {
  auto m = Find("Kenyan troops fought al-Shabaab fighters near the border.");
  const Mention* g = Named(m, "al-Shabab");
  REQUIRE(g);
  CHECK(g->country == "SOM");
  CHECK(g->role == detente::Role::kReb);
  // Not any word with a hyphen: "al-" must be followed by a capital.
  CHECK(Find("The talks were al-fresco.").empty());
}

TEST_CASE("entities: an unknown name after 'the town of' is a place, not a person",
          "[entities]") {
  auto town = Find("Rebels took the town of Kwamouth overnight.");
  const Mention* t = Named(town, "Kwamouth");
  REQUIRE(t);
  CHECK(t->kind == EntityKind::kCity);
  CHECK(t->country.empty());  // no state is named
  // "in [western] COUNTRY" right after it places it.
  auto placed = Find("Rebels took the town of Kwamouth, in western Congo-Brazzaville, overnight.");
  const Mention* q = Named(placed, "Kwamouth");
  REQUIRE(q);
  CHECK(q->country == "COG");
  auto district = Find("Troops entered the district of Lower Wanzi.");
  const Mention* d = Named(district, "Lower Wanzi");
  REQUIRE(d);
  CHECK(d->kind == EntityKind::kRegion);
  // Elsewhere an unknown name is still a person's.
  auto person = Find("Rebels took Kwamouth overnight.");
  const Mention* p = Named(person, "Kwamouth");
  REQUIRE(p);
  CHECK(p->kind == EntityKind::kPerson);
}

TEST_CASE("entities: a capitalised word after a state's possessive starts a name, not an agent noun",
          "[entities]") {
  auto m = Find("Venezuela's National Assembly approved a law.");
  std::string seen;
  for (const Mention& x : m) seen += x.name + "; ";
  INFO(seen);
  const Mention* body = Named(m, "National Assembly");
  REQUIRE(body);
  CHECK(body->role == detente::Role::kLeg);
  CHECK(Named(m, "Assembly") == nullptr);
}

TEST_CASE("entities: a demonym and a plural noun of people is that people's group", "[entities]") {
  auto m = Find("Seven Ghanaian fishermen were detained off the coast.");
  const Mention* g = Named(m, "Ghanaian fishermen");
  REQUIRE(g);
  CHECK(g->kind == EntityKind::kGroup);
  CHECK(g->country == "GHA");
  CHECK(g->role == detente::Role::kCvl);
  CHECK_FALSE(g->group_of_state);
  // Not a noun that qualifies the next one.
  auto unions = Find("Ghanaian teachers unions met.");
  CHECK(Named(unions, "Ghanaian teachers") == nullptr);
  // A people by its plural, before a verb group.
  auto pal = Find("Four Palestinians were wounded in the raid.");
  const Mention* q = Named(pal, "Palestinians");
  REQUIRE(q);
  CHECK(q->country == "PSE");
  CHECK(q->role == detente::Role::kCvl);
  // Before a verb's past: "Hundreds of Somalis fled".
  auto fled = Find("Hundreds of Somalis fled across the border.");
  const Mention* r = Named(fled, "Somalis");
  REQUIRE(r);
  CHECK(r->country == "SOM");
  CHECK(r->kind == EntityKind::kGroup);
}

TEST_CASE("entities: a state's irregular past verb before a title does not qualify the title",
          "[entities]") {
  // "Peru met Queen Letizia": "met" is the act, not a word of the title as
  // "security" is in "Peru's top security official".
  for (const char* s : {"Peru met Queen Letizia in Lima.", "Ghana told President Tinubu to wait.",
                        "Chile sent Foreign Minister Paula Narvaez to Quito."}) {
    auto m = Find(s);
    std::string seen;
    for (const Mention& x : m) seen += x.name + "; ";
    INFO(s << " -> " << seen);
    CHECK(m.size() >= 2);
    CHECK((Named(m, "Peru") || Named(m, "Ghana") || Named(m, "Chile")));
  }
  auto q = Find("Kenya's national security adviser Monica Juma flew to Addis Ababa.");
  CHECK(Named(q, "Monica Juma"));
}

TEST_CASE("entities: a titled person followed by 'of' and a state belongs to that state",
          "[entities]") {
  auto m = Find("Prime Minister Tarek Olumbo of Egypt met the king.");
  const Mention* p = Named(m, "Tarek Olumbo");
  REQUIRE(p);
  CHECK(p->country == "EGY");
  CHECK(p->role == detente::Role::kGov);
  // A state named in the title wins; "of" then names something else.
  auto q = Find("Malian Foreign Minister Abdoulaye Diop of the junta spoke.");
  REQUIRE(Named(q, "Abdoulaye Diop"));
  CHECK(Named(q, "Abdoulaye Diop")->country == "MLI");
}

TEST_CASE("entities: one person of a state named by kind, and a description before a comma",
          "[entities]") {
  // After "a" or "an", a singular noun of people makes the group too.
  auto m = Find("A court sentenced an Australian writer to death.");
  const Mention* w = Named(m, "Australian writer");
  REQUIRE(w);
  CHECK(w->country == "AUS");
  CHECK(w->kind == EntityKind::kGroup);
  CHECK(w->role == detente::Role::kCvl);
  // Without the article a singular qualifies what follows: no group.
  CHECK(Named(Find("Australian writer groups protested."), "Australian writer") == nullptr);
  // A state's agent noun describes the name after a comma as a title would.
  auto q = Find("Police detained a Chilean journalist, Rocio Barraza, in Lima.");
  const Mention* p = Named(q, "Rocio Barraza");
  REQUIRE(p);
  CHECK(p->country == "CHL");
  CHECK(p->role == detente::Role::kMed);
}

TEST_CASE("entities: a people inside a state makes a group of that state, not the state",
          "[entities]") {
  auto m = Find("Sri Lankan Tamil rebels attacked a base.");
  const Mention* g = Named(m, "Sri Lankan Tamil rebels");
  REQUIRE(g);
  CHECK(g->country == "LKA");
  CHECK(g->kind == EntityKind::kGroup);
  CHECK(g->role == detente::Role::kReb);
  // State agents of such a people are not the state either.
  auto q = Find("Iraqi Kurdish police detained two men.");
  const Mention* p = Named(q, "Iraqi Kurdish police");
  REQUIRE(p);
  CHECK(p->country == "IRQ");
  CHECK_FALSE(p->group_of_state);
  // A name after a demonym is still a name: "Israeli Benny Gantz".
  auto r = Find("Israeli Benny Gantz resigned.");
  CHECK(Named(r, "Benny Gantz"));
}
