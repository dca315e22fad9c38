filedesc://old.arc 0.0.0.0 20240301120000 text/plain 74
1 0 Synoptic test
URL IP-address Archive-date Content-type Archive-length

http://harbour.example/ferry 10.1.2.3 20240301120500 text/html 141
HTTP/1.1 200 OK
Content-Type: text/html

<html><body><p>The ferry timetable changes on Monday, the harbour office said.</p></body></html>

