// The snapshot file format (all integers in the writer's byte order, which the
// header's endian tag checks):
//
//   header, 112 bytes:
//     magic "DTNTGRPH" | u32 version | u32 endian tag 0x01020304 |
//     i64 generation | char db_id[40] (zero padded) |
//     u64 entities | u64 events | u64 strings | u64 payload bytes |
//     u64 payload hash | u64 hash of the header bytes before it
//   payload:
//     strings:  u32 length, bytes                              (x strings)
//     entities: i64 id, u32 name/kind/country/role lengths, bytes (x entities;
//               role since version 3)
//     by_name:  u32 entity index, in name order (version 2)      (x entities)
//     events:   i64 id, i64 sentence_id, u32 actor, object, action,
//               action_class, date, cameo_code (version 4), u8 modality,
//               negated, 2 zero bytes (x events)
#include "graph/snapshot.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <string_view>

namespace detente::graph_internal {
namespace {

constexpr char kMagic[8] = {'D', 'T', 'N', 'T', 'G', 'R', 'P', 'H'};
constexpr uint32_t kEndianTag = 0x01020304;
constexpr size_t kDbIdBytes = 40;
constexpr size_t kHeaderBytes = 8 + 4 + 4 + 8 + kDbIdBytes + 6 * 8;
constexpr size_t kEventIds = 6;  // actor, object, action, action_class, date, cameo_code
constexpr size_t kEventBytes = 8 + 8 + kEventIds * 4 + 4;

// A fast 64-bit hash of `n` bytes, to catch truncation and corruption (not
// tampering). Four independent lanes keep the multiplier busy: it was the
// hottest function of a snapshot load with one.
uint64_t Hash(const char* p, size_t n) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h[4] = {0x243F6A8885A308D3ull ^ n, 0x13198A2E03707344ull, 0xA4093822299F31D0ull,
                   0x082EFA98EC4E6C89ull};
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      h[k] = (h[k] ^ w) * kMul;
      h[k] ^= h[k] >> 32;
    }
  }
  uint64_t out = h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7);
  for (; i < n; ++i) out = (out ^ static_cast<unsigned char>(p[i])) * 0x100000001B3ull;
  return out ^ (out >> 29);
}

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    buf_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void Bytes(std::string_view s) { buf_.append(s); }
  std::string& buf() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  Reader(const char* p, size_t n) : p_(p), end_(p + n) {}
  template <typename T>
  bool Get(T* v) {
    if (static_cast<size_t>(end_ - p_) < sizeof(T)) return false;
    std::memcpy(v, p_, sizeof(T));
    p_ += sizeof(T);
    return true;
  }
  bool Bytes(size_t n, std::string* out) {
    if (static_cast<size_t>(end_ - p_) < n) return false;
    out->assign(p_, n);
    p_ += n;
    return true;
  }
  size_t left() const { return static_cast<size_t>(end_ - p_); }

 private:
  const char* p_;
  const char* end_;
};

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

Status Corrupt(const std::string& path, const std::string& why) {
  return Status::DataError(path + ": " + why);
}

// Reads exactly `n` bytes at `offset`; false on an error or a short file.
bool ReadAt(int fd, char* out, uint64_t n, uint64_t offset) {
  while (n > 0) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(n, 1 << 30));
    ssize_t got = ::pread(fd, out, want, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    n -= static_cast<uint64_t>(got);
    offset += static_cast<uint64_t>(got);
  }
  return true;
}

}  // namespace

uint64_t SnapshotHash(const char* p, size_t n) { return Hash(p, n); }

Status WriteSnapshot(const std::string& path, const SnapshotKey& key, const GraphData& data) {
  if (key.db_id.size() > kDbIdBytes) return Status::InvalidArgument("db_id too long");
  if (data.by_name.size() != data.entities.size()) {
    return Status::InvalidArgument("by_name does not match the entities");
  }
  Writer payload;
  for (const std::string& s : data.strings) {
    payload.Put(static_cast<uint32_t>(s.size()));
    payload.Bytes(s);
  }
  for (const GraphEntity& e : data.entities) {
    const std::string_view role = RoleName(e.role);  // the code, as in version 3
    payload.Put(e.id);
    payload.Put(static_cast<uint32_t>(e.name.size()));
    payload.Put(static_cast<uint32_t>(e.kind.size()));
    payload.Put(static_cast<uint32_t>(e.country.size()));
    payload.Put(static_cast<uint32_t>(role.size()));
    payload.Bytes(e.name);
    payload.Bytes(e.kind);
    payload.Bytes(e.country);
    payload.Bytes(role);
  }
  for (uint32_t v : data.by_name) payload.Put(v);
  std::string& p = payload.buf();
  const size_t events_at = p.size();
  p.resize(events_at + data.events.size() * kEventBytes);
  char* out = p.data() + events_at;
  for (const GraphEvent& e : data.events) {
    const uint32_t ids[kEventIds] = {e.actor,        e.object, e.action,
                                     e.action_class, e.date,   e.cameo_code};
    std::memcpy(out, &e.id, 8);
    std::memcpy(out + 8, &e.sentence_id, 8);
    std::memcpy(out + 16, ids, sizeof ids);
    char* flags = out + 16 + sizeof ids;
    flags[0] = static_cast<char>(e.modality);
    flags[1] = e.negated ? 1 : 0;
    flags[2] = flags[3] = 0;
    out += kEventBytes;
  }

  Writer header;
  header.Bytes(std::string_view(kMagic, sizeof kMagic));
  header.Put(kSnapshotVersion);
  header.Put(kEndianTag);
  header.Put(key.generation);
  std::string id = key.db_id;
  id.resize(kDbIdBytes, '\0');
  header.Bytes(id);
  header.Put(static_cast<uint64_t>(data.entities.size()));
  header.Put(static_cast<uint64_t>(data.events.size()));
  header.Put(static_cast<uint64_t>(data.strings.size()));
  header.Put(static_cast<uint64_t>(p.size()));
  header.Put(Hash(p.data(), p.size()));
  header.Put(Hash(header.buf().data(), header.buf().size()));

  // Same directory, so that the rename is atomic; the pid keeps two
  // processes rebuilding at once apart.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    // Never through a link someone left under that name.
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return Status::IOError("cannot write " + tmp + ": " + std::strerror(errno));
    std::unique_ptr<FILE, FileCloser> f(::fdopen(fd, "wb"));
    if (!f) {
      ::close(fd);
      return Status::IOError("cannot write " + tmp);
    }
    bool ok = std::fwrite(header.buf().data(), 1, header.buf().size(), f.get()) ==
                  header.buf().size() &&
              std::fwrite(p.data(), 1, p.size(), f.get()) == p.size();
    ok = std::fflush(f.get()) == 0 && ok;
    if (!ok) {
      f.reset();
      std::remove(tmp.c_str());
      return Status::IOError("cannot write " + tmp);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::IOError("cannot rename " + tmp + " to " + path + ": " + ec.message());
  }
  return Status::OK();
}

Result<GraphData> ReadSnapshot(const std::string& path, const SnapshotKey& key) {
  // Read, never mapped: a mapped file that another process truncates kills
  // the reader with SIGBUS. Opened without following a link or waiting on a
  // FIFO, and only a regular file is read.
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("no snapshot at " + path);
    return Corrupt(path, errno == ELOOP ? "a symbolic link, not a snapshot"
                                        : std::string("cannot open: ") + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return Corrupt(path, "cannot stat");
  if (!S_ISREG(st.st_mode)) return Corrupt(path, "not a regular file");
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size < kHeaderBytes) return Corrupt(path, "too short");

  // The header first: nothing else is read unless it names this database,
  // its generation and a payload that fills the file exactly.
  char header[kHeaderBytes];
  if (!ReadAt(fd, header, kHeaderBytes, 0)) return Corrupt(path, "truncated");
  Reader h(header, kHeaderBytes);
  char magic[8];
  uint32_t version = 0, endian = 0;
  int64_t generation = 0;
  uint64_t n_entities = 0, n_events = 0, n_strings = 0, payload_bytes = 0, payload_hash = 0,
           header_hash = 0;
  std::string db_id;
  h.Get(&magic);
  h.Get(&version);
  h.Get(&endian);
  h.Get(&generation);
  h.Bytes(kDbIdBytes, &db_id);
  h.Get(&n_entities);
  h.Get(&n_events);
  h.Get(&n_strings);
  h.Get(&payload_bytes);
  h.Get(&payload_hash);
  h.Get(&header_hash);
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) return Corrupt(path, "not a snapshot");
  if (header_hash != Hash(header, kHeaderBytes - 8)) return Corrupt(path, "bad header");
  if (version != kSnapshotVersion || endian != kEndianTag) {
    return Corrupt(path, "written by another version or machine");
  }
  db_id.resize(db_id.find('\0') == std::string::npos ? db_id.size() : db_id.find('\0'));
  if (db_id != key.db_id) return Corrupt(path, "snapshot of another database");
  if (generation != key.generation) return Corrupt(path, "stale snapshot");
  if (payload_bytes != size - kHeaderBytes) return Corrupt(path, "truncated");
  // Counts that cannot fit the payload are refused before any allocation.
  if (n_strings == 0 || n_strings > payload_bytes / 4 || n_entities > payload_bytes / 20 ||
      n_events > payload_bytes / kEventBytes) {
    return Corrupt(path, "bad counts");
  }
  // A private copy of the size checked above (not zero-filled first: it is
  // overwritten at once). A file cut short meanwhile reads short.
  std::unique_ptr<char[]> copy(new (std::nothrow) char[payload_bytes ? payload_bytes : 1]);
  if (!copy) return Corrupt(path, "too big to read");
  if (!ReadAt(fd, copy.get(), payload_bytes, kHeaderBytes)) return Corrupt(path, "truncated");
  const char* payload = copy.get();
  if (payload_hash != Hash(payload, payload_bytes)) return Corrupt(path, "checksum mismatch");

  GraphData data;
  Reader r(payload, payload_bytes);
  for (uint64_t i = 0; i < n_strings; ++i) {
    uint32_t len = 0;
    std::string s;
    if (!r.Get(&len) || !r.Bytes(len, &s)) return Corrupt(path, "bad strings");
    data.strings.push_back(std::move(s));
  }
  if (!data.strings.front().empty()) return Corrupt(path, "bad strings");
  data.entities.resize(n_entities);
  for (GraphEntity& e : data.entities) {
    uint32_t lens[4];
    std::string role;
    if (!r.Get(&e.id) || !r.Get(&lens) || !r.Bytes(lens[0], &e.name) ||
        !r.Bytes(lens[1], &e.kind) || !r.Bytes(lens[2], &e.country) ||
        !r.Bytes(lens[3], &role)) {
      return Corrupt(path, "bad entities");
    }
    e.role = ParseRole(role).value_or(Role::kNone);
  }
  // Each entity once: the graph trusts this order.
  data.by_name.resize(n_entities);
  std::vector<char> seen(n_entities);
  for (uint32_t& v : data.by_name) {
    if (!r.Get(&v) || v >= n_entities || seen[v]) return Corrupt(path, "bad name order");
    seen[v] = 1;
  }
  if (r.left() != n_events * kEventBytes) return Corrupt(path, "bad events");
  const char* in = payload + (payload_bytes - r.left());
  // Reserved, not resized: zeroing 40 MB that is overwritten at once cost
  // as much as reading it.
  data.events.reserve(n_events);
  for (uint64_t i = 0; i < n_events; ++i) {
    GraphEvent& e = data.events.emplace_back();
    uint32_t ids[kEventIds];
    std::memcpy(&e.id, in, 8);
    std::memcpy(&e.sentence_id, in + 8, 8);
    std::memcpy(ids, in + 16, sizeof ids);
    const char* flags = in + 16 + sizeof ids;
    e.actor = ids[0];
    e.object = ids[1];
    e.action = ids[2];
    e.action_class = ids[3];
    e.date = ids[4];
    e.cameo_code = ids[5];
    bool ok = e.actor < n_entities && e.object < n_entities &&
              static_cast<uint8_t>(flags[0]) <= 2 && static_cast<uint8_t>(flags[1]) <= 1;
    for (size_t k = 2; k < kEventIds; ++k) ok = ok && ids[k] < n_strings;
    if (!ok) return Corrupt(path, "bad event");
    e.modality = static_cast<Modality>(flags[0]);
    e.negated = flags[1] != 0;
    in += kEventBytes;
  }
  return data;
}

}  // namespace detente::graph_internal
