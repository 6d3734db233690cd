def _number(value):
    # GET /run passes every argument as a string; POST passes JSON values.
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return float(value)
    return value


def api_py_function(param1, param2):
    answer = _number(param1) + _number(param2)
    return answer
