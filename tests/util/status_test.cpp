#include "detente/status.h"

#include <catch2/catch.hpp>

using detente::Result;
using detente::Status;

TEST_CASE("status: codes and messages", "[status]") {
  CHECK(Status::OK().ok());
  CHECK(Status::OK().ToString() == "OK");
  Status s = Status::NotFound("no path from A to B");
  CHECK_FALSE(s.ok());
  CHECK(s.IsNotFound());
  CHECK(s.ToString() == "Not found: no path from A to B");
}

TEST_CASE("status: Result holds a value or an error", "[status]") {
  Result<int> good = 42;
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad = Status::DataError("bad line");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kDataError);
  CHECK(bad.status().message() == "bad line");
}
