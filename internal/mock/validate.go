package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// parseChat reads and validates a chat-completion body the way OpenAI's
// service does, answering its error messages, parameters and codes.
// Unknown fields are rejected unless lenient; model may be absent only
// when needModel is false (Azure names the deployment in the path).
func parseChat(body []byte, lenient, needModel bool) (*ChatRequest, *apiError) {
	var top map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil || top == nil || dec.More() {
		return nil, invalid("", "", "We could not parse the JSON body of your request. The API expects a JSON payload, but what was sent was not valid JSON.")
	}
	req := &ChatRequest{}
	for k := range top {
		req.Fields = append(req.Fields, k)
	}
	sort.Strings(req.Fields)
	if !lenient {
		for _, k := range req.Fields {
			if !knownField(k) {
				return nil, invalid("", "", "Unrecognized request argument supplied: "+k)
			}
		}
	}
	if e := readString(top, "model", &req.Model); e != nil {
		return nil, e
	}
	if req.Model == "" && needModel {
		return nil, invalid("", "", "you must provide a model parameter")
	}
	if e := readMessages(top, lenient, req); e != nil {
		return nil, e
	}
	var e *apiError
	set := func(err *apiError) {
		if e == nil {
			e = err
		}
	}
	req.Temperature, _ = readFloat(top, "temperature", 0, 2, set)
	req.TopP, _ = readFloat(top, "top_p", 0, 1, set)
	req.PresencePenalty, _ = readFloat(top, "presence_penalty", -2, 2, set)
	req.FrequencyPenalty, _ = readFloat(top, "frequency_penalty", -2, 2, set)
	req.N = readInt(top, "n", 1, 128, set)
	req.MaxTokens = readInt(top, "max_tokens", 1, 1<<31-1, set)
	req.MaxCompletionTokens = readInt(top, "max_completion_tokens", 1, 1<<31-1, set)
	if s := readInt(top, "seed", -1<<62, 1<<62, set); s != nil {
		v := int64(*s)
		req.Seed = &v
	}
	set(readStream(top, req))
	set(readStop(top, req))
	set(readString(top, "user", &req.User))
	if e != nil {
		return nil, e
	}
	return req, nil
}

// knownField reports whether OpenAI's chat-completion request has a field.
func knownField(k string) bool {
	switch k {
	case "audio", "frequency_penalty", "function_call", "functions", "logit_bias",
		"logprobs", "max_completion_tokens", "max_tokens", "messages", "metadata",
		"modalities", "model", "moderation", "n", "parallel_tool_calls", "prediction",
		"presence_penalty", "prompt_cache_key", "prompt_cache_options",
		"prompt_cache_retention", "reasoning_effort", "response_format",
		"safety_identifier", "seed", "service_tier", "stop", "store", "stream",
		"stream_options", "temperature", "tool_choice", "tools", "top_logprobs",
		"top_p", "user", "verbosity", "web_search_options":
		return true
	}
	return false
}

// kindOf names a JSON value's type as OpenAI's messages do.
func kindOf(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	if bytes.ContainsAny(raw, ".eE") {
		return "a decimal"
	}
	return "an integer"
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func typeErr(param, want string, raw json.RawMessage) *apiError {
	return invalid(param, "invalid_type", fmt.Sprintf("Invalid type for '%s': expected %s, but got %s instead.", param, want, kindOf(raw)))
}

// readString reads an optional string field.
func readString(top map[string]json.RawMessage, k string, dst *string) *apiError {
	raw, ok := top[k]
	if !ok || isNull(raw) {
		return nil
	}
	if kindOf(raw) != "a string" || json.Unmarshal(raw, dst) != nil {
		return typeErr(k, "a string", raw)
	}
	return nil
}

// readFloat reads an optional number within [lo, hi].
func readFloat(top map[string]json.RawMessage, k string, lo, hi float64, fail func(*apiError)) (*float64, bool) {
	raw, ok := top[k]
	if !ok || isNull(raw) {
		return nil, false
	}
	kind := kindOf(raw)
	v, err := strconv.ParseFloat(string(bytes.TrimSpace(raw)), 64)
	if (kind != "a decimal" && kind != "an integer") || err != nil {
		fail(typeErr(k, "a decimal", raw))
		return nil, false
	}
	shown := string(bytes.TrimSpace(raw))
	switch {
	case v < lo:
		fail(invalid(k, "decimal_below_min_value", fmt.Sprintf("Invalid '%s': decimal below minimum value. Expected a value >= %g, but got %s instead.", k, lo, shown)))
	case v > hi:
		fail(invalid(k, "decimal_above_max_value", fmt.Sprintf("Invalid '%s': decimal above maximum value. Expected a value <= %g, but got %s instead.", k, hi, shown)))
	}
	return &v, true
}

// readInt reads an optional integer within [lo, hi].
func readInt(top map[string]json.RawMessage, k string, lo, hi int, fail func(*apiError)) *int {
	raw, ok := top[k]
	if !ok || isNull(raw) {
		return nil
	}
	v, err := strconv.Atoi(string(bytes.TrimSpace(raw)))
	if kindOf(raw) != "an integer" || err != nil {
		fail(typeErr(k, "an integer", raw))
		return nil
	}
	switch {
	case v < lo:
		fail(invalid(k, "integer_below_min_value", fmt.Sprintf("Invalid '%s': integer below minimum value. Expected a value >= %d, but got %d instead.", k, lo, v)))
	case v > hi:
		fail(invalid(k, "integer_above_max_value", fmt.Sprintf("Invalid '%s': integer above maximum value. Expected a value <= %d, but got %d instead.", k, hi, v)))
	}
	return &v
}

// readStream reads stream and stream_options.
func readStream(top map[string]json.RawMessage, req *ChatRequest) *apiError {
	if raw, ok := top["stream"]; ok && !isNull(raw) {
		if kindOf(raw) != "a boolean" {
			return typeErr("stream", "a boolean", raw)
		}
		req.Stream = string(bytes.TrimSpace(raw)) == "true"
	}
	raw, ok := top["stream_options"]
	if !ok || isNull(raw) {
		return nil
	}
	if !req.Stream {
		return invalid("stream_options", "", "The 'stream_options' parameter is only allowed when 'stream' is enabled.")
	}
	var so map[string]json.RawMessage
	if kindOf(raw) != "an object" || json.Unmarshal(raw, &so) != nil {
		return typeErr("stream_options", "an object", raw)
	}
	req.StreamOptions = &StreamOptions{}
	if iu, ok := so["include_usage"]; ok && !isNull(iu) {
		if kindOf(iu) != "a boolean" {
			return typeErr("stream_options.include_usage", "a boolean", iu)
		}
		req.StreamOptions.IncludeUsage = string(bytes.TrimSpace(iu)) == "true"
	}
	return nil
}

// readStop reads stop: a string, up to four strings, or null.
func readStop(top map[string]json.RawMessage, req *ChatRequest) *apiError {
	raw, ok := top["stop"]
	if !ok || isNull(raw) {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		req.Stop = []string{one}
		return nil
	}
	if json.Unmarshal(raw, &req.Stop) != nil {
		return typeErr("stop", "a string or an array of strings", raw)
	}
	if len(req.Stop) > 4 {
		return invalid("stop", "array_above_max_length", fmt.Sprintf("Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length %d instead.", len(req.Stop)))
	}
	return nil
}
