package mock

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// The JSON shapes of OpenAI's chat-completion answers.
type (
	completionJSON struct {
		ID                string       `json:"id"`
		Object            string       `json:"object"`
		Created           int64        `json:"created"`
		Model             string       `json:"model"`
		Choices           []choiceJSON `json:"choices"`
		Usage             *usageJSON   `json:"usage,omitempty"`
		ServiceTier       string       `json:"service_tier"`
		SystemFingerprint string       `json:"system_fingerprint"`
	}
	choiceJSON struct {
		Index        int         `json:"index"`
		Message      messageJSON `json:"message"`
		Logprobs     *struct{}   `json:"logprobs"`
		FinishReason string      `json:"finish_reason"`
	}
	messageJSON struct {
		Role        string   `json:"role"`
		Content     *string  `json:"content"`
		Refusal     *string  `json:"refusal"`
		Annotations []string `json:"annotations"`
	}
	usageJSON struct {
		PromptTokens     int            `json:"prompt_tokens"`
		CompletionTokens int            `json:"completion_tokens"`
		TotalTokens      int            `json:"total_tokens"`
		PromptDetails    map[string]int `json:"prompt_tokens_details"`
		CompletionDetail map[string]int `json:"completion_tokens_details"`
	}
)

const fingerprint = "fp_juru_mock"

func (u Usage) json() *usageJSON {
	return &usageJSON{
		PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens,
		TotalTokens:      u.PromptTokens + u.CompletionTokens,
		PromptDetails:    map[string]int{"cached_tokens": 0, "audio_tokens": 0},
		CompletionDetail: map[string]int{"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
	}
}

// completion returns the plain answer's body.
func (a answer) completion(usage bool) []byte {
	c := completionJSON{
		ID: a.id, Object: "chat.completion", Created: a.created, Model: a.model,
		Choices: []choiceJSON{}, ServiceTier: "default", SystemFingerprint: fingerprint,
	}
	if usage {
		c.Usage = a.usage.json()
	}
	for i := 0; i < a.choices && !a.noChoices; i++ {
		m := messageJSON{Role: "assistant", Annotations: []string{}}
		if a.refusal != "" {
			m.Refusal = &a.refusal
		} else {
			m.Content = &a.content
		}
		c.Choices = append(c.Choices, choiceJSON{Index: i, Message: m, FinishReason: a.finish})
	}
	b, _ := json.Marshal(c)
	return b
}

// writePlain writes a plain answer, or half of it for Truncated.
func (s *Server) writePlain(w http.ResponseWriter, a answer, k FaultKind) {
	body := a.completion(!s.opts.NoUsage)
	if k == Truncated {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body[:len(body)/2])
		_ = http.NewResponseController(w).Flush()
		panic(http.ErrAbortHandler)
	}
	writeJSON(w, http.StatusOK, body)
}

// writeJSON writes a JSON body with a status.
func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// writeError writes an error in OpenAI's shape.
func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, e.body())
}

// modelJSON is one entry of the model list.
type modelJSON struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

// modelCreated is the creation time the mock gives every model.
const modelCreated = 1700000000

// models serves the model list.
func (s *Server) models(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	names := s.opts.Models
	if len(names) == 0 {
		names = []string{DefaultModel}
	}
	list := struct {
		Object string      `json:"object"`
		Data   []modelJSON `json:"data"`
	}{Object: "list"}
	for _, n := range names {
		list.Data = append(list.Data, modelJSON{ID: n, Object: "model", Created: modelCreated, OwnedBy: "juru-mock"})
	}
	b, _ := json.Marshal(list)
	writeJSON(w, http.StatusOK, b)
}

// model serves one model's entry.
func (s *Server) model(w http.ResponseWriter, r *http.Request, rec *Recorded) {
	id := r.PathValue("id")
	if !s.modelExists(id) {
		writeError(w, newAPIError(404, "invalid_request_error", "model", "model_not_found", "The model `"+id+"` does not exist or you do not have access to it."))
		return
	}
	b, _ := json.Marshal(modelJSON{ID: id, Object: "model", Created: modelCreated, OwnedBy: "juru-mock"})
	writeJSON(w, http.StatusOK, b)
}
