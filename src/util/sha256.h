// SHA-256 (FIPS 180-4), private to detente_util. Used for document identity.
//
// Thread safety: a Sha256 object is not thread-safe; Sha256Hex is reentrant.
#ifndef DETENTE_UTIL_SHA256_H_
#define DETENTE_UTIL_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace detente {

// Incremental hashing: Update() any number of times, then Final() once.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // The 32-byte digest. The object must not be updated afterwards.
  std::array<uint8_t, 32> Final();

 private:
  void Block(const uint8_t* p);
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// The digest of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace detente

#endif  // DETENTE_UTIL_SHA256_H_
