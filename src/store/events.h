// Store::Events over a connection. Private to the store.
#ifndef DETENTE_STORE_EVENTS_H_
#define DETENTE_STORE_EVENTS_H_

#include "detente/store.h"
#include "detente/sqlite.h"

namespace detente::store_internal {

Status RunEvents(sql::Db& db, const EventQuery& filter, RowSink& sink);

}  // namespace detente::store_internal

#endif  // DETENTE_STORE_EVENTS_H_
