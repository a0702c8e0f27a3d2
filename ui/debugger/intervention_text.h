// Interventions as people read them: a spec ("encoder.1.self_attn.head=3:zero", counted from 0 as tensor
// names are) described in words with 1-based layers, heads and cells ("Encoder layer 2 self-attention,
// head 4: set to zero"), and core's messages about interventions in the interface's language.
#pragma once

#include <QString>

namespace alab::core {
struct Intervention;
}

namespace alab::ui {

/// "Decoder layer 1 cross-attention" for any tensor of that attention ("decoder.0.cross_attn.weights"), else "".
QString attentionWordsOf(const QString& tensorName);
/// "Encoder layer 2 self-attention, head 4: set to zero", "decoder.0.ffn.hidden (row 3, column 6): set to 0.25".
QString describeIntervention(const core::Intervention& iv);
/// The same for a spec text; the text itself when it does not parse.
QString describeInterventionSpec(const QString& spec);
/// A message of core/debug/intervention ("intervention \"x\": head 3 is out of range: …") translated,
/// with the intervention described in words and positions counted from 1. Other messages go through
/// translateCoreMessage.
QString interventionMessage(const QString& message);

}  // namespace alab::ui
