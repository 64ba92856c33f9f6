package mock

import (
	"encoding/json"
	"fmt"
	"strings"
)

// validRole reports whether OpenAI accepts a message role.
func validRole(r string) bool {
	switch r {
	case "system", "assistant", "user", "function", "tool", "developer":
		return true
	}
	return false
}

// readMessages reads and checks the messages array.
func readMessages(top map[string]json.RawMessage, lenient bool, req *ChatRequest) *apiError {
	raw, ok := top["messages"]
	if !ok || isNull(raw) {
		return invalid("messages", "missing_required_parameter", "Missing required parameter: 'messages'.")
	}
	var list []json.RawMessage
	if kindOf(raw) != "an array" || json.Unmarshal(raw, &list) != nil {
		return typeErr("messages", "an array", raw)
	}
	if len(list) == 0 {
		return invalid("messages", "empty_array", "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.")
	}
	for i, m := range list {
		msg, e := readMessage(fmt.Sprintf("messages[%d]", i), m, lenient)
		if e != nil {
			return e
		}
		req.Messages = append(req.Messages, msg)
	}
	return nil
}

// readMessage reads and checks one message.
func readMessage(path string, raw json.RawMessage, lenient bool) (ChatMessage, *apiError) {
	var f map[string]json.RawMessage
	if kindOf(raw) != "an object" || json.Unmarshal(raw, &f) != nil {
		return ChatMessage{}, typeErr(path, "an object", raw)
	}
	var m ChatMessage
	r, ok := f["role"]
	if !ok {
		return m, invalid(path+".role", "missing_required_parameter", "Missing required parameter: '"+path+".role'.")
	}
	if json.Unmarshal(r, &m.Role) != nil || kindOf(r) != "a string" {
		return m, typeErr(path+".role", "a string", r)
	}
	if !validRole(m.Role) {
		return m, invalid(path+".role", "invalid_value", fmt.Sprintf("Invalid value: '%s'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", m.Role))
	}
	if !lenient {
		for k := range f {
			switch k {
			case "role", "content", "name", "tool_calls", "tool_call_id", "function_call", "refusal", "audio":
			default:
				return m, invalid(path, "unknown_parameter", fmt.Sprintf("Unrecognized request argument supplied: %s.%s", path, k))
			}
		}
	}
	tc, has := f["tool_calls"]
	m.ToolCalls = has && !isNull(tc)
	if fc, has := f["function_call"]; has && !isNull(fc) {
		m.ToolCalls = true
	}
	c, has := f["content"]
	if !has || isNull(c) {
		if m.Role == "assistant" || m.Role == "function" {
			return m, nil
		}
		return m, invalid(path+".content", "missing_required_parameter", "Missing required parameter: '"+path+".content'.")
	}
	switch kindOf(c) {
	case "a string":
		m.HasContent = true
		_ = json.Unmarshal(c, &m.Content)
	case "an array":
		text, e := readParts(path+".content", c)
		if e != nil {
			return m, e
		}
		m.HasContent, m.Parts, m.Content = true, true, text
	default:
		return m, typeErr(path+".content", "one of a string or array of objects", c)
	}
	if m.Role == "tool" {
		if id, ok := f["tool_call_id"]; !ok || kindOf(id) != "a string" {
			return m, invalid(path+".tool_call_id", "missing_required_parameter", "Missing required parameter: '"+path+".tool_call_id'.")
		}
	}
	return m, nil
}

// readParts joins the text parts of a content list.
func readParts(path string, raw json.RawMessage) (string, *apiError) {
	var parts []map[string]json.RawMessage
	if json.Unmarshal(raw, &parts) != nil {
		return "", typeErr(path, "an array of objects", raw)
	}
	var sb strings.Builder
	for i, p := range parts {
		pp := fmt.Sprintf("%s[%d]", path, i)
		var typ string
		if t, ok := p["type"]; !ok || json.Unmarshal(t, &typ) != nil {
			return "", invalid(pp+".type", "missing_required_parameter", "Missing required parameter: '"+pp+".type'.")
		}
		switch typ {
		case "text":
			var text string
			t, ok := p["text"]
			if !ok || kindOf(t) != "a string" || json.Unmarshal(t, &text) != nil {
				return "", invalid(pp+".text", "missing_required_parameter", "Missing required parameter: '"+pp+".text'.")
			}
			sb.WriteString(text)
		case "image_url", "input_audio", "file", "refusal":
		default:
			return "", invalid(pp+".type", "invalid_value", fmt.Sprintf("Invalid value: '%s'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', and 'file'.", typ))
		}
	}
	return sb.String(), nil
}
