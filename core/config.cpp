// ModelConfig validation and JSON round trip.
#include "core/config.h"

#include "core/tensor.h"

#include <set>

namespace alab::core {
namespace {

void requirePositive(const char* name, int value) {
    if (value <= 0) throw InvalidArgument(std::string(name) + " must be positive, got " + std::to_string(value));
}

void requireNonNegative(const char* name, int value) {
    if (value < 0) throw InvalidArgument(std::string(name) + " must not be negative, got " + std::to_string(value));
}

int intKey(const Json& v, const std::string& key) {
    try {
        int64_t i = v.toInt();
        if (i < -1 || i > 1'000'000'000) throw InvalidArgument("out of range");
        return int(i);
    } catch (const InvalidArgument&) {
        throw InvalidArgument("config key \"" + key + "\" must be an integer, got " + v.dump());
    }
}

bool boolKey(const Json& v, const std::string& key) {
    if (!v.isBool()) throw InvalidArgument("config key \"" + key + "\" must be true or false, got " + v.dump());
    return v.toBool();
}

std::string stringKey(const Json& v, const std::string& key) {
    if (!v.isString()) throw InvalidArgument("config key \"" + key + "\" must be a string, got " + v.dump());
    return v.toString();
}

}  // namespace

void ModelConfig::validate() const {
    requirePositive("d_model", d_model);
    requirePositive("heads", heads);
    requirePositive("d_ff", d_ff);
    requireNonNegative("d_k", d_k);
    requireNonNegative("encoder_layers", encoder_layers);
    requireNonNegative("decoder_layers", decoder_layers);
    requirePositive("src_vocab", src_vocab);
    requirePositive("tgt_vocab", tgt_vocab);
    requirePositive("max_len", max_len);
    if (d_k == 0 && d_model % heads != 0)
        throw InvalidArgument("d_model " + std::to_string(d_model) + " is not divisible by heads " +
                              std::to_string(heads));
    if (encoder_layers + decoder_layers == 0) throw InvalidArgument("the model has no layers (encoder_layers 0, decoder_layers 0)");
    if (!(layer_norm_eps > 0.0f)) throw InvalidArgument("layer_norm_eps must be positive, got " + std::to_string(layer_norm_eps));
    if (pad_id < -1 || pad_id >= std::max(src_vocab, tgt_vocab))
        throw InvalidArgument("pad_id " + std::to_string(pad_id) + " is outside the vocabulary");
}

ModelConfig ModelConfig::fromJson(const Json& json) {
    if (!json.isObject()) throw InvalidArgument("the config must be a JSON object");
    ModelConfig c;
    static const std::set<std::string> known = {
        "d_model", "heads", "d_k", "d_ff", "encoder_layers", "decoder_layers", "src_vocab", "tgt_vocab",
        "max_len", "norm_first", "activation", "layer_norm_eps", "positional_encoding", "scale_embedding",
        "final_norm", "pad_id"};
    for (const auto& [key, value] : json.toObject()) {
        if (!known.count(key)) throw InvalidArgument("unknown config key \"" + key + "\"");
        if (key == "d_model") c.d_model = intKey(value, key);
        else if (key == "heads") c.heads = intKey(value, key);
        else if (key == "d_k") c.d_k = intKey(value, key);
        else if (key == "d_ff") c.d_ff = intKey(value, key);
        else if (key == "encoder_layers") c.encoder_layers = intKey(value, key);
        else if (key == "decoder_layers") c.decoder_layers = intKey(value, key);
        else if (key == "src_vocab") c.src_vocab = intKey(value, key);
        else if (key == "tgt_vocab") c.tgt_vocab = intKey(value, key);
        else if (key == "max_len") c.max_len = intKey(value, key);
        else if (key == "pad_id") c.pad_id = intKey(value, key);
        else if (key == "norm_first") c.norm_first = boolKey(value, key);
        else if (key == "scale_embedding") c.scale_embedding = boolKey(value, key);
        else if (key == "final_norm") c.final_norm = boolKey(value, key);
        else if (key == "layer_norm_eps") {
            if (!value.isNumber()) throw InvalidArgument("config key \"layer_norm_eps\" must be a number, got " + value.dump());
            c.layer_norm_eps = float(value.toNumber());
        } else if (key == "activation") {
            std::string a = stringKey(value, key);
            if (a == "relu") c.activation = Activation::Relu;
            else if (a == "gelu") c.activation = Activation::Gelu;
            else throw InvalidArgument("activation \"" + a + "\" is not relu or gelu");
        } else if (key == "positional_encoding") {
            std::string p = stringKey(value, key);
            if (p == "sinusoidal") c.positional_encoding = PositionalEncoding::Sinusoidal;
            else if (p == "learned") c.positional_encoding = PositionalEncoding::Learned;
            else if (p == "none") c.positional_encoding = PositionalEncoding::None;
            else throw InvalidArgument("positional_encoding \"" + p + "\" is not sinusoidal, learned or none");
        }
    }
    c.validate();
    return c;
}

Json ModelConfig::toJson() const {
    Json::Object o;
    o["d_model"] = d_model;
    o["heads"] = heads;
    if (d_k) o["d_k"] = d_k;
    o["d_ff"] = d_ff;
    o["encoder_layers"] = encoder_layers;
    o["decoder_layers"] = decoder_layers;
    o["src_vocab"] = src_vocab;
    o["tgt_vocab"] = tgt_vocab;
    o["max_len"] = max_len;
    o["norm_first"] = norm_first;
    o["activation"] = activation == Activation::Relu ? "relu" : "gelu";
    o["layer_norm_eps"] = double(layer_norm_eps);
    o["positional_encoding"] = positional_encoding == PositionalEncoding::Sinusoidal ? "sinusoidal"
                               : positional_encoding == PositionalEncoding::Learned ? "learned"
                                                                                      : "none";
    o["scale_embedding"] = scale_embedding;
    o["final_norm"] = final_norm;
    o["pad_id"] = pad_id;
    return Json(std::move(o));
}

}  // namespace alab::core
