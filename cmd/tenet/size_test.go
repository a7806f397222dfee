package main

import "testing"

func TestParseSize(t *testing.T) {
	tests := map[string]struct {
		in      string
		want    int64
		wantErr bool
	}{
		"bytes":     {in: "1024", want: 1024},
		"zero":      {in: "0", want: 0},
		"MiB":       {in: "512MiB", want: 512 << 20},
		"GiB":       {in: "4GiB", want: 4 << 30},
		"GB":        {in: "2GB", want: 2e9},
		"space":     {in: "3 MiB", want: 3 << 20},
		"B":         {in: "10B", want: 10},
		"negative":  {in: "-1", wantErr: true},
		"fraction":  {in: "1.5GiB", wantErr: true},
		"overflow":  {in: "9999999999GiB", wantErr: true},
		"no number": {in: "GiB", wantErr: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := parseSize(tc.in)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}
