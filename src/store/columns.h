// The column lists of the tables both writers fill, the document writer
// (writer.cpp) and the bulk loader (bulk.cpp), written once. Macros, so that
// the statements built from them stay string literals: StatementCache keys
// statements by the address of their text. Private to detente_store.
#ifndef DETENTE_STORE_COLUMNS_H_
#define DETENTE_STORE_COLUMNS_H_

#define DETENTE_DOCUMENTS_COLUMNS "documents(source, doc_id, title, url, published, sha256)"
#define DETENTE_SENTENCES_COLUMNS "sentences(document_id, idx, in_title, start, end, text)"

#endif  // DETENTE_STORE_COLUMNS_H_
